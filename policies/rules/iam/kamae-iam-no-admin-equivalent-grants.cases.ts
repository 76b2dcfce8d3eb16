import { doc, res, ruleCases, UNKNOWN } from "../cases";

const ATTACH = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

export default ruleCases({
  compliant: [
    { title: "a job-specific AWS managed policy", input: res(ATTACH, "a", { role: "r", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }) },
    { title: "scoped inline policy", input: res("aws:iam/rolePolicy:RolePolicy", "p", { role: "r", policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) }) },
  ],
  violating: [
    { title: "AdministratorAccess attached to a role", input: res(ATTACH, "a", { role: "r", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }), about: "a" },
    { title: "PowerUserAccess attached to a user", input: res("aws:iam/userPolicyAttachment:UserPolicyAttachment", "u", { user: "dev", policyArn: "arn:aws:iam::aws:policy/PowerUserAccess" }), about: "u" },
    { title: "IAMFullAccess among a role's managed policies", input: res("aws:iam/role:Role", "r", { assumeRolePolicy: "{}", managedPolicyArns: ["arn:aws:iam::aws:policy/IAMFullAccess"] }), about: "r" },
    { title: "inline admin statement", input: res("aws:iam/role:Role", "r", { assumeRolePolicy: "{}", inlinePolicies: [{ name: "admin", policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }] }), about: "r" },
  ],
  unknown: [
    { title: "attached policy ARN unknown at preview", input: res(ATTACH, "a", { role: "r", policyArn: UNKNOWN }), about: "a" },
    { title: "inline policy unknown at preview", input: res("aws:iam/rolePolicy:RolePolicy", "p", { role: "r", policy: UNKNOWN }), about: "p" },
  ],
});
