// acm-certificate-rsa-check: ACM RSA certificates use keys of at least 2048 bits. (FSBP ACM.2)
import { requireNotIn, settingRule } from "../../judge";

export default settingRule("acm-certificate-rsa-check", (p) => requireNotIn(p.keyAlgorithm, ["RSA_1024"], "uses a 1024-bit RSA key: request RSA_2048 or an EC key"));
