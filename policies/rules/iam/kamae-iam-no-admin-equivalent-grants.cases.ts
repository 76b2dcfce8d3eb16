import { doc, res, ruleCases, UNKNOWN } from "../cases";

const ATTACH = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

export default ruleCases({
  compliant: [
    { title: "a job-specific AWS managed policy", input: res(ATTACH, "a", { role: "r", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }) },
    { title: "scoped inline policy", input: res("aws:iam/rolePolicy:RolePolicy", "p", { role: "r", policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) }) },
  ],
  violating: [
    { title: "AdministratorAccess attached to a role", input: res(ATTACH, "a", { role: "r", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }), about: "a", says: "grants the AWS managed AdministratorAccess policy" },
    { title: "inline admin statement in a user policy", input: res("aws:iam/userPolicy:UserPolicy", "u", { user: "dev", policy: doc({ Effect: "Allow", Action: "*:*", Resource: "*" }) }), about: "u", says: "inline policy allowing every action on every resource" },
    { title: "inline admin statement in a group policy", input: res("aws:iam/groupPolicy:GroupPolicy", "g", { group: "ops", policy: doc({ Effect: "Allow", Action: ["s3:GetObject", "*"], Resource: "*" }) }), about: "g" },
    { title: "AdministratorAccess through a PolicyAttachment", input: res("aws:iam/policyAttachment:PolicyAttachment", "pa", { roles: ["r"], policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }), about: "pa" },
    { title: "PowerUserAccess attached to a user", input: res("aws:iam/userPolicyAttachment:UserPolicyAttachment", "u", { user: "dev", policyArn: "arn:aws:iam::aws:policy/PowerUserAccess" }), about: "u" },
    { title: "IAMFullAccess among a role's managed policies", input: res("aws:iam/role:Role", "r", { assumeRolePolicy: "{}", managedPolicyArns: ["arn:aws:iam::aws:policy/IAMFullAccess"] }), about: "r" },
    { title: "inline admin statement", input: res("aws:iam/role:Role", "r", { assumeRolePolicy: "{}", inlinePolicies: [{ name: "admin", policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }] }), about: "r" },
  ],
  unknown: [
    { title: "attached policy ARN unknown at preview", input: res(ATTACH, "a", { role: "r", policyArn: UNKNOWN }), about: "a" },
    { title: "inline policy unknown at preview", input: res("aws:iam/rolePolicy:RolePolicy", "p", { role: "r", policy: UNKNOWN }), about: "p", says: "the policy it grants is unknown" },
    { title: "a role's inline policies unknown as a whole", input: res("aws:iam/role:Role", "r", { assumeRolePolicy: "{}", inlinePolicies: UNKNOWN }), about: "r" },
    { title: "a role's managed policy ARN unknown at preview", input: res("aws:iam/role:Role", "r", { assumeRolePolicy: "{}", managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", UNKNOWN] }), about: "r", says: "the policy it grants is unknown" },
    { title: "a role's inline policy unknown at preview", input: res("aws:iam/role:Role", "r", { assumeRolePolicy: "{}", inlinePolicies: [{ name: "app", policy: UNKNOWN }] }), about: "r" },
  ],
});
