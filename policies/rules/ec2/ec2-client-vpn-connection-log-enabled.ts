// ec2-client-vpn-connection-log-enabled: Client VPN endpoints log client connections. (FSBP EC2.51)
import { at, requireTrue, settingRule } from "../../judge";

export default settingRule("ec2-client-vpn-connection-log-enabled", (p) => requireTrue(at(p, "connectionLogOptions.enabled"), "does not log client connections: set connectionLogOptions.enabled true with a log group"));
