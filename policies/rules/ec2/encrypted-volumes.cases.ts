import { INSTANCE, judgedByAwsConfig, LT, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "encryption flag from an unknown output", input: res("aws:ebs/volume:Volume", "v", { encrypted: UNKNOWN, size: 8 }), about: "v" },],
    compliant: [
      { title: "encrypted volume", input: res("aws:ebs/volume:Volume", "v", { encrypted: true, size: 8 }) },
      { title: "instance root encrypted", input: res(INSTANCE, "i", { rootBlockDevice: { encrypted: true } }) },
      { title: "launch template device encrypted (string flag)", input: res(LT, "lt", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 20 } }] }) },
      { title: "unset flag with account encryption by default", input: res(INSTANCE, "i", {}), config: { accountEncryptionByDefault: true } },
    ],
    violating: [
      { title: "unencrypted volume", input: res("aws:ebs/volume:Volume", "v", { size: 8 }), about: "v" },
      { title: "instance root unset", input: res(INSTANCE, "i", {}), about: "i" },
      { title: "launch template device explicitly false even with encryption by default", input: res(LT, "lt", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] }), config: { accountEncryptionByDefault: true }, about: "lt" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "encrypted volume": "COMPLIANT",
  "instance root encrypted": "COMPLIANT",
  "launch template device encrypted (string flag)": "COMPLIANT",
  "unset flag with account encryption by default": "COMPLIANT",
  "unencrypted volume": { awsConfig: "NOT_APPLICABLE", why: "The Config rule judges attached volumes only; the pack flags an unencrypted volume where it is declared, before it is attached to an instance." },
  "instance root unset": "NON_COMPLIANT",
  "launch template device explicitly false even with encryption by default": { awsConfig: "COMPLIANT", why: "With EBS encryption by default on, EC2 encrypts the volume whatever the template says, so the deployed rule finds it encrypted; the pack flags the explicit false, which would leave the volume unencrypted in an account or Region without that setting." },
});
