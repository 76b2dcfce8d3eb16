// vpc-flow-logs-enabled: every VPC declared in the stack has a flow log (a VPC the program only reads is not in it).
import { coverageViolations, ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("vpc-flow-logs-enabled", (resources) =>
  coverageViolations(ofType(resources, ["aws:ec2/vpc:Vpc"]), ofType(resources, ["aws:ec2/flowLog:FlowLog"]), "vpcId", "VPC", "has no FlowLog", "a FlowLog naming it"),
);
