import { doc, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "scoped", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) }) }],
    violating: [
      { title: "*:* standalone", input: res("aws:iam/policy:Policy", "p", { policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }), about: "p" },
      { title: "*:* in a role's inline block", input: res("aws:iam/role:Role", "r", { assumeRolePolicy: "{}", inlinePolicies: [{ name: "admin", policy: doc({ Effect: "Allow", Action: ["*"], Resource: ["*"] }) }] }), about: "r" },
    ],
  });
