// autoscaling-launch-config-hop-limit: Launch configurations keep the instance metadata response hop limit at 1. (FSBP AutoScaling.4)
import { at, settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("autoscaling-launch-config-hop-limit", (p) => {
  const hops = at(p, "metadataOptions.httpPutResponseHopLimit");
  if (isUnknown(hops)) return UNKNOWN;
  return Number(hops ?? 1) > 1 ? `lets metadata responses travel ${hops} hops (containers can reach the instance's credentials): set httpPutResponseHopLimit 1` : undefined;
});
