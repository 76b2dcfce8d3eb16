// vpc-flow-logs-enabled: every VPC declared in the stack has a flow log.
import { coverage, label, ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("vpc-flow-logs-enabled", (resources) => {
  const flowLogs = ofType(resources, ["aws:ec2/flowLog:FlowLog"]);
  return ofType(resources, ["aws:ec2/vpc:Vpc"])
    .filter((vpc) => coverage(vpc, flowLogs, "vpcId") === "uncovered")
    .map((vpc) => ({ resource: vpc, message: `VPC ${label(vpc)} has no FlowLog.` }));
});
