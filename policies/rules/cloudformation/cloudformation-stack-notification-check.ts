// cloudformation-stack-notification-check: CloudFormation stacks send their events to an SNS topic. (FSBP CloudFormation.1)
import { requirePresent, settingRule } from "../../judge";

export default settingRule("cloudformation-stack-notification-check", (p) => requirePresent(p.notificationArns, "sends no stack events to SNS: set notificationArns"));
