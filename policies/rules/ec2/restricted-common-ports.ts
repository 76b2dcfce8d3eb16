// restricted-common-ports: no security group rule opens the blocked ports (default 20, 21, 3389, 3306, 4333) to the world.
import { coversPort, judgeIngress, label } from "../../helpers";
import { resourceRule } from "../../model";

export default resourceRule("restricted-common-ports", (r, config) => {
  const blocked: number[] = config.blockedPorts ?? [];
  return judgeIngress(
    r,
    (i) => blocked.some((p) => coversPort(i, p)),
    (i) => `${label(r)} opens blocked port(s) ${blocked.filter((p) => coversPort(i, p)).join(", ")} to the internet (rule ${i.fromPort}-${i.toPort}/${i.protocol}).`,
  );
});
