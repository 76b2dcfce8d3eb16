// redshift-enhanced-vpc-routing-enabled: Redshift clusters use enhanced VPC routing. (FSBP Redshift.7)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("redshift-enhanced-vpc-routing-enabled", (p) => requireTrue(p.enhancedVpcRouting, "routes COPY/UNLOAD traffic outside the VPC: set enhancedVpcRouting true"));
