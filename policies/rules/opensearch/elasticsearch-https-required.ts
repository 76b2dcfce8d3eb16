// elasticsearch-https-required: Elasticsearch domains require HTTPS with TLS 1.2 or later. (FSBP ES.8)
// Security Hub judges this control with a rule of its own: there is no AWS Config managed rule to deploy.
import { all, at, requireIn, requireTrue, settingRule } from "../../judge";

const TLS_1_2 = ["Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"];

export default settingRule("elasticsearch-https-required", (p) => all(requireTrue(at(p, "domainEndpointOptions.enforceHttps"), "accepts plain HTTP: set domainEndpointOptions.enforceHttps true", true), requireIn(at(p, "domainEndpointOptions.tlsSecurityPolicy"), TLS_1_2, "accepts TLS below 1.2: set domainEndpointOptions.tlsSecurityPolicy Policy-Min-TLS-1-2-2019-07", TLS_1_2[0])));
