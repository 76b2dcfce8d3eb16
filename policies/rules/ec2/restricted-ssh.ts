// restricted-ssh: no security group rule (inline or separate) opens TCP 22 to 0.0.0.0/0 or ::/0.
import { coversPort, ingressOf, label } from "../../helpers";
import { resourceRule } from "../../model";

export default resourceRule("restricted-ssh", (r) =>
  ingressOf(r)
    .filter((i) => i.worldOpen && coversPort(i, 22, ["tcp"]))
    .map((i) => `${label(r)} opens SSH (ports ${i.fromPort}-${i.toPort}/${i.protocol}) to the internet.`),
);
