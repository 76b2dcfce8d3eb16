// vpc-default-security-group-closed: the default security group of every VPC the stack creates allows nothing. A new
// VPC's default group keeps its default rules (all traffic from the group in, all traffic out) unless the stack
// manages it with a DefaultSecurityGroup.
import { asArray, label, ofType, programValue, referrers } from "../../helpers";
import { isUnknown, stackRule, StackViolation } from "../../model";

const DEFAULT_SG = ["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"];
/** Separate rule resources that add to a group named by `securityGroupId`. */
const RULES = ["aws:ec2/securityGroupRule:SecurityGroupRule", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"];

export default stackRule("vpc-default-security-group-closed", (resources) => {
  const out: StackViolation[] = [];
  const managed = ofType(resources, DEFAULT_SG);
  const ruleResources = ofType(resources, RULES);
  for (const vpc of ofType(resources, ["aws:ec2/vpc:Vpc"])) {
    const refs = referrers(vpc, managed, "vpcId");
    if (refs.matches.length > 0) continue;
    if (refs.unresolved) out.push({ resource: vpc, cannotJudge: true, message: `VPC ${label(vpc)}: whether a DefaultSecurityGroup manages its default security group is unknown until the update.` });
    else out.push({ resource: vpc, message: `VPC ${label(vpc)} leaves its default security group with the default rules (all traffic from the group in, all traffic out): declare aws.ec2.DefaultSecurityGroup for it with no ingress and no egress.` });
  }
  for (const group of managed) {
    const values = ["ingress", "egress"].map((k) => [k, programValue(group, k)] as const);
    const open = values.filter(([, v]) => !isUnknown(v) && asArray(v).length > 0).map(([k]) => k);
    const added = referrers(group, ruleResources, "securityGroupId").matches;
    if (open.length > 0 || added.length > 0) {
      const what = [...open.map((k) => `${k} rules`), ...added.map((r) => label(r))].join(" and ");
      out.push({ resource: group, message: `${label(group)} has ${what}; the default security group must allow nothing: remove them and use a security group of your own.` });
    } else if (values.some(([, v]) => isUnknown(v))) {
      out.push({ resource: group, cannotJudge: true, message: `${label(group)}: its rules are unknown until the update.` });
    }
  }
  return out;
});
