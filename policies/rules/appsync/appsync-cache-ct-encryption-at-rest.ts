// appsync-cache-ct-encryption-at-rest: AppSync API caches encrypt data at rest. (FSBP AppSync.1)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("appsync-cache-ct-encryption-at-rest", (p) => requireTrue(p.atRestEncryptionEnabled, "does not encrypt cached data: set atRestEncryptionEnabled true"));
