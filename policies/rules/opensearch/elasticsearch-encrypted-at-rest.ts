// elasticsearch-encrypted-at-rest: Elasticsearch domains encrypt data at rest. (FSBP ES.1)
import { at, requireTrue, settingRule } from "../../judge";

export default settingRule("elasticsearch-encrypted-at-rest", (p) => requireTrue(at(p, "encryptAtRest.enabled"), "does not encrypt data at rest: set encryptAtRest.enabled true"));
