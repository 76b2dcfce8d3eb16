import { doc, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "listed actions", input: res("aws:iam/rolePolicy:RolePolicy", "p", { policy: doc({ Effect: "Allow", Action: ["sqs:SendMessage"], Resource: "arn:aws:sqs:us-east-1:123456789012:q" }) }) },
      { title: "Deny s3:*", input: res("aws:iam/rolePolicy:RolePolicy", "p", { policy: doc({ Effect: "Deny", Action: "s3:*", Resource: "*" }) }) },
    ],
    violating: [{ title: "s3:*", input: res("aws:iam/rolePolicy:RolePolicy", "p", { policy: doc({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b" }) }), about: "p" }],
  });
