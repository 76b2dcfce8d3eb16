import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "rotation", input: res("aws:kms/key:Key", "k", { enableKeyRotation: true }) },
      { title: "asymmetric key", input: res("aws:kms/key:Key", "k", { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" }) },
    ],
    violating: [{ title: "no rotation", input: res("aws:kms/key:Key", "k", {}), about: "k" }],
  });
