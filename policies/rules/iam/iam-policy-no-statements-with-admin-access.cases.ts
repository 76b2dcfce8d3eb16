import { doc, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "scoped", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) }) },
      { title: "every action, on one bucket only", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "*", Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"] }) }) },
      { title: "one action on every resource", input: res("aws:iam/rolePolicy:RolePolicy", "p", { role: "r", policy: doc({ Effect: "Allow", Action: "ec2:DescribeInstances", Resource: "*" }) }) },
      { title: "*:* denied", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Deny", Action: "*", Resource: "*" }) }) },
      { title: "*:* split across two statements (neither is admin)", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::b" }, { Effect: "Allow", Action: "s3:GetObject", Resource: "*" }) }) },
    ],
    violating: [
      { title: "*:* standalone", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }), about: "p" },
      { title: "*:* next to scoped statements", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }, { Effect: "Allow", Action: ["s3:*", "*"], Resource: ["arn:aws:s3:::b", "*"] }) }), about: "p" },
      { title: "*:* in a role's inline block", input: res("aws:iam/role:Role", "r", { assumeRolePolicy: "{}", inlinePolicies: [{ name: "admin", policy: doc({ Effect: "Allow", Action: ["*"], Resource: ["*"] }) }] }), about: "r" },
    ],
  });
