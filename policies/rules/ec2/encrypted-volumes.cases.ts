import { INSTANCE, judgedByAwsConfig, LT, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [
    { title: "instance data volumes unknown as a whole", input: res(INSTANCE, "i", { rootBlockDevice: { encrypted: true }, ebsBlockDevices: UNKNOWN }), about: "i", says: "whether each of its block devices is encrypted" },
    { title: "launch template device's ebs block unknown, even with encryption by default", input: res(LT, "lt", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: UNKNOWN }] }), config: { accountEncryptionByDefault: true }, about: "lt", says: "/dev/xvda" },
    { title: "encryption flag from an unknown output", input: res("aws:ebs/volume:Volume", "v", { encrypted: UNKNOWN, size: 8 }), about: "v", says: "whether the volume is encrypted is unknown" },
    { title: "launch template device's flag from an unknown output", input: res(LT, "lt", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: UNKNOWN } }] }), about: "lt", says: "whether /dev/xvda is encrypted" },
    { title: "instance data volume's flag from an unknown output", input: res(INSTANCE, "i", { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: UNKNOWN }] }), about: "i", says: "whether /dev/sdf is encrypted" },
  ],
    compliant: [
      { title: "encrypted volume", input: res("aws:ebs/volume:Volume", "v", { encrypted: true, size: 8 }) },
      { title: "instance root encrypted", input: res(INSTANCE, "i", { rootBlockDevice: { encrypted: true } }) },
      { title: "instance root and data volume encrypted", input: res(INSTANCE, "i", { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, volumeSize: 100 }] }) },
      { title: "launch template device encrypted (string flag)", input: res(LT, "lt", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 20 } }] }) },
      { title: "unset flag with account encryption by default", input: res(INSTANCE, "i", {}), config: { accountEncryptionByDefault: true } },
    ],
    violating: [
      { title: "unencrypted volume", input: res("aws:ebs/volume:Volume", "v", { size: 8 }), about: "v" },
      { title: "instance root unset", input: res(INSTANCE, "i", {}), about: "i", says: "the root volume not encrypted" },
      { title: "instance data volume unencrypted", input: res(INSTANCE, "i", { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false, volumeSize: 100 }] }), about: "i", says: "/dev/sdf not encrypted" },
      { title: "launch template device explicitly false even with encryption by default", input: res(LT, "lt", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] }), config: { accountEncryptionByDefault: true }, about: "lt" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "encrypted volume": "COMPLIANT",
  "instance root encrypted": "COMPLIANT",
  "instance root and data volume encrypted": "COMPLIANT",
  "instance data volume unencrypted": "NON_COMPLIANT",
  "launch template device encrypted (string flag)": "COMPLIANT",
  "unset flag with account encryption by default": "COMPLIANT",
  "unencrypted volume": { awsConfig: "NOT_APPLICABLE", why: "The Config rule judges attached volumes only; the pack flags an unencrypted volume where it is declared, before it is attached to an instance." },
  "instance root unset": "NON_COMPLIANT",
  "launch template device explicitly false even with encryption by default": { awsConfig: "COMPLIANT", why: "With EBS encryption by default on, EC2 encrypts the volume whatever the template says, so the deployed rule finds it encrypted; the pack flags the explicit false, which would leave the volume unencrypted in an account or Region without that setting." },
});
