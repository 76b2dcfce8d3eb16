// encrypted-volumes: EBS volumes, instance block devices and launch template block devices are encrypted.
import { asArray, isFalse, isTrue, label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("encrypted-volumes", (r, config) => {
  // With EBS encryption by default on, an unset flag means encrypted; an explicit false never does.
  const encrypted = (flag: unknown) => isTrue(flag) || isUnknown(flag) || (config.accountEncryptionByDefault === true && !isFalse(flag));
  const unencrypted: string[] = [];
  if (r.type === "aws:ebs/volume:Volume") {
    if (!encrypted(r.props.encrypted)) unencrypted.push("the volume");
  } else if (r.type === "aws:ec2/instance:Instance") {
    if (!encrypted(r.props.rootBlockDevice?.encrypted)) unencrypted.push("the root volume");
    for (const d of asArray(r.props.ebsBlockDevices)) if (!encrypted(d?.encrypted)) unencrypted.push(d?.deviceName ?? "a block device");
  } else {
    for (const m of asArray(r.props.blockDeviceMappings)) {
      if (m?.ebs && !encrypted(m.ebs.encrypted)) unencrypted.push(m.deviceName ?? "a block device");
    }
  }
  return unencrypted.length ? [`${label(r)}: ${unencrypted.join(", ")} not encrypted.`] : [];
});
