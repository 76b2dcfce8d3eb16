import { requiredSwitchCases } from "../cases";

export default requiredSwitchCases("aws:rds/instance:Instance", "autoMinorVersionUpgrade", true);
