import { INSTANCE, LT, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "instance", input: res(INSTANCE, "i", { iamInstanceProfile: "web-profile" }) },
      { title: "launch template", input: res(LT, "lt", { iamInstanceProfile: { arn: "arn:aws:iam::123456789012:instance-profile/web" } }) },
    ],
    violating: [{ title: "none", input: res(INSTANCE, "i", {}), about: "i" }],
  });
