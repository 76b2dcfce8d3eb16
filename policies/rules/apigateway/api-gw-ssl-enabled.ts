// api-gw-ssl-enabled: API Gateway REST API stages present a client certificate to their backends. (FSBP APIGateway.2)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("api-gw-ssl-enabled", (p) => requirePresent(p.clientCertificateId, "does not authenticate itself to backends: set clientCertificateId"));
