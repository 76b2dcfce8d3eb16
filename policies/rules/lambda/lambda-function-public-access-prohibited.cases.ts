import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "service principal scoped by source ARN", input: res("aws:lambda/permission:Permission", "p", { principal: "events.amazonaws.com", sourceArn: "arn:aws:events:us-east-1:123456789012:rule/r", action: "lambda:InvokeFunction" }) },
      { title: "* restricted to an account", input: res("aws:lambda/permission:Permission", "p", { principal: "*", sourceAccount: "123456789012", action: "lambda:InvokeFunction" }) },
      { title: "IAM-authenticated function URL", input: res("aws:lambda/functionUrl:FunctionUrl", "u", { authorizationType: "AWS_IAM" }) },
    ],
    violating: [
      { title: "principal *", input: res("aws:lambda/permission:Permission", "p", { principal: "*", action: "lambda:InvokeFunction" }), about: "p" },
      { title: "public function URL", input: res("aws:lambda/functionUrl:FunctionUrl", "u", { authorizationType: "NONE" }), about: "u" },
    ],
  });
