// netfw-deletion-protection-enabled: Network Firewall firewalls have deletion protection. (FSBP NetworkFirewall.9)
import { requireTrue, settingRule } from "../../judge";

export default settingRule("netfw-deletion-protection-enabled", (p) => requireTrue(p.deleteProtection, "can be deleted: set deleteProtection true"));
