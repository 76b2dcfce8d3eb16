// dms-endpoint-ssl-configured: DMS endpoints connect with TLS. (FSBP DMS.9)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("dms-endpoint-ssl-configured", (p) => requireNotIn(p.sslMode, ["none"], "connects without TLS: set sslMode (require, verify-ca or verify-full)", "none"));
