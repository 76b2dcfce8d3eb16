// eks-endpoint-no-public-access: EKS cluster API endpoints are not publicly accessible. (FSBP EKS.1)
import { at, settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("eks-endpoint-no-public-access", (p) => {
  const open = at(p, "vpcConfig.endpointPublicAccess");
  if (isUnknown(open)) return UNKNOWN;
  // AWS opens the endpoint publicly unless told otherwise.
  return open === false ? undefined : "has a public API endpoint: set vpcConfig.endpointPublicAccess false";
});
