import { INSTANCE, LT, res, ruleCases } from "../cases";

export default ruleCases({
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
