// restricted-ssh: no security group rule (inline or separate) opens TCP 22 to 0.0.0.0/0 or ::/0.
import { coversPort, judgeIngress, label } from "../../helpers";
import { resourceRule } from "../../model";

export default resourceRule("restricted-ssh", (r) =>
  judgeIngress(
    r,
    (i) => coversPort(i, 22, ["tcp"]),
    (i) => `${label(r)} opens SSH (ports ${i.fromPort}-${i.toPort}/${i.protocol}) to the internet.`,
  ),
);
