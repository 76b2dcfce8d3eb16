// ec2-instance-no-public-ip: instances and launch templates do not ask for public IP addresses.
import { asArray, isTrue, label } from "../../helpers";
import { resourceRule } from "../../model";

export default resourceRule("ec2-instance-no-public-ip", (r) => {
  const asks =
    r.type === "aws:ec2/instance:Instance"
      ? isTrue(r.props.associatePublicIpAddress)
      : asArray(r.props.networkInterfaces).some((n) => isTrue(n?.associatePublicIpAddress));
  return asks ? [`${label(r)} associates a public IP address.`] : [];
});
