// encrypted-volumes: EBS volumes, instance block devices and launch template block devices are encrypted.
import { asArray, isFalse, isTrue, label, shown } from "../../helpers";
import { isUnknown, resourceRule, UNKNOWN } from "../../model";
import { cannotJudge } from "../../preview";

export default resourceRule("encrypted-volumes", (r, config) => {
  // With EBS encryption by default on, an unset flag means encrypted; an explicit false never does.
  const encrypted = (flag: unknown) => isTrue(flag) || (config.accountEncryptionByDefault === true && !isFalse(flag) && !isUnknown(flag));
  const devices: Array<{ what: string; flag: unknown }> = [];
  if (r.type === "aws:ebs/volume:Volume") {
    devices.push({ what: "the volume", flag: r.props.encrypted });
  } else if (r.type === "aws:ec2/instance:Instance") {
    devices.push({ what: "the root volume", flag: r.props.rootBlockDevice?.encrypted });
    // A device list unknown at preview may hold an unencrypted device.
    if (isUnknown(r.props.ebsBlockDevices)) devices.push({ what: "each of its block devices", flag: UNKNOWN });
    for (const d of asArray(r.props.ebsBlockDevices)) devices.push({ what: shown(d?.deviceName ?? "a block device"), flag: d?.encrypted });
  } else {
    if (isUnknown(r.props.blockDeviceMappings)) devices.push({ what: "each of its block devices", flag: UNKNOWN });
    for (const m of asArray(r.props.blockDeviceMappings)) if (m?.ebs) devices.push({ what: shown(m.deviceName ?? "a block device"), flag: isUnknown(m.ebs) ? UNKNOWN : m.ebs.encrypted });
  }
  const unencrypted = devices.filter((d) => !encrypted(d.flag) && !isUnknown(d.flag)).map((d) => d.what);
  if (unencrypted.length) return [`${label(r)}: ${unencrypted.join(", ")} not encrypted.`];
  const unknown = devices.filter((d) => isUnknown(d.flag)).map((d) => d.what);
  return unknown.length ? [cannotJudge(`${label(r)}: whether ${unknown.join(", ")} is encrypted is unknown until the update.`)] : [];
});
