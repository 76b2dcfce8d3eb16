// ec2-instance-no-public-ip: no instance gets a public IPv4 address (asked for, from its subnet, or from an Elastic
// IP), and no launch template asks for one.
import { asArray, isFalse, isTrue, label, ofType, programValue, referrers, refersTo, T } from "../../helpers";
import { isUnknown, ResourceView, stackRule, StackViolation } from "../../model";

const SUBNET = ["aws:ec2/subnet:Subnet"];

/** How an instance that does not say `associatePublicIpAddress` is addressed: by its subnet's `mapPublicIpOnLaunch`. */
function fromSubnet(instance: ResourceView, subnets: readonly ResourceView[]): StackViolation | undefined {
  const subnetId = programValue(instance, "subnetId");
  // Default subnets assign public addresses; an instance that names no subnet launches into one.
  if (subnetId === undefined) return { resource: instance, message: `${label(instance)} names no subnet, so it launches into a default subnet, which assigns a public IPv4 address: set subnetId to a private subnet or associatePublicIpAddress false.` };
  const refs = subnets.map((s) => [s, refersTo(instance, "subnetId", s)] as const);
  const subnet = refs.find(([, r]) => r === true)?.[0];
  if (subnet) {
    const maps = subnet.props.mapPublicIpOnLaunch;
    if (isTrue(maps)) return { resource: instance, message: `${label(instance)} launches into ${label(subnet)}, which assigns a public IPv4 address (mapPublicIpOnLaunch): set associatePublicIpAddress false or use a private subnet.` };
    if (!isUnknown(maps)) return undefined;
  }
  return { resource: instance, cannotJudge: true, message: `${label(instance)}: whether its subnet assigns public IPv4 addresses is unknown (a subnet this stack does not declare, or a setting unknown until the update): set associatePublicIpAddress false to make it certain.` };
}

export default stackRule("ec2-instance-no-public-ip", (resources) => {
  const out: StackViolation[] = [];
  const subnets = ofType(resources, SUBNET);
  const eips = ofType(resources, ["aws:ec2/eip:Eip"]);
  const eipAssociations = ofType(resources, ["aws:ec2/eipAssociation:EipAssociation"]);
  for (const instance of ofType(resources, T.instance)) {
    const eip = [...referrers(instance, eips, "instance").matches, ...referrers(instance, eipAssociations, "instanceId").matches][0];
    if (eip) out.push({ resource: instance, message: `${label(instance)} gets a public IPv4 address from the Elastic IP ${label(eip)}: reach it through a load balancer or Session Manager instead.` });
    const asks = programValue(instance, "associatePublicIpAddress");
    if (isTrue(asks)) out.push({ resource: instance, message: `${label(instance)} associates a public IP address: remove associatePublicIpAddress.` });
    else if (isUnknown(asks)) out.push({ resource: instance, cannotJudge: true, message: `${label(instance)}: associatePublicIpAddress is unknown until the update.` });
    // An instance launched with network interfaces of its own gets no automatic public address.
    else if (!isFalse(asks) && !eip && asArray(instance.props.networkInterfaces).length === 0) {
      const verdict = fromSubnet(instance, subnets);
      if (verdict) out.push(verdict);
    }
  }
  for (const template of ofType(resources, T.launchTemplate)) {
    const interfaces = programValue(template, "networkInterfaces");
    if (asArray(interfaces).some((n) => isTrue(n?.associatePublicIpAddress))) out.push({ resource: template, message: `${label(template)} associates a public IP address: set networkInterfaces[].associatePublicIpAddress false.` });
    else if (isUnknown(interfaces) || asArray(interfaces).some((n) => isUnknown(n) || isUnknown(n?.associatePublicIpAddress))) out.push({ resource: template, cannotJudge: true, message: `${label(template)}: whether its network interfaces ask for a public IP address (associatePublicIpAddress) is unknown until the update.` });
  }
  return out;
});
