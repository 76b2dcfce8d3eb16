import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "policy attachment to roles only", input: res("aws:iam/policyAttachment:PolicyAttachment", "a", { roles: ["r"], policyArn: "arn" }) }],
    violating: [
      { title: "user policy attachment", input: res("aws:iam/userPolicyAttachment:UserPolicyAttachment", "a", { user: "bob", policyArn: "arn" }), about: "a" },
      { title: "policy attachment with users", input: res("aws:iam/policyAttachment:PolicyAttachment", "a", { users: ["bob"], policyArn: "arn" }), about: "a" },
    ],
  });
