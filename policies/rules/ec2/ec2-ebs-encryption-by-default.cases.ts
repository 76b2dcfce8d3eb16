import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "enabled", input: [res("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebs", { enabled: true })] }],
    violating: [{ title: "none", input: [] }],
  });
