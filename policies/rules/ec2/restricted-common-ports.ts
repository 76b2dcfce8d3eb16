// restricted-common-ports: no security group rule opens the blocked ports (default 20, 21, 3389, 3306, 4333) to the world.
import { coversPort, ingressOf, label } from "../../helpers";
import { resourceRule } from "../../model";

export default resourceRule("restricted-common-ports", (r, config) => {
  const blocked: number[] = config.blockedPorts ?? [];
  return ingressOf(r)
    .filter((i) => i.worldOpen)
    .flatMap((i) => {
      const open = blocked.filter((p) => coversPort(i, p));
      return open.length ? [`${label(r)} opens blocked port(s) ${open.join(", ")} to the internet (rule ${i.fromPort}-${i.toPort}/${i.protocol}).`] : [];
    });
});
