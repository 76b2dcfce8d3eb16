import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [
    { title: "HTTP listener whose default actions are unknown", input: res("aws:lb/listener:Listener", "l", { protocol: "HTTP", port: 80, defaultActions: UNKNOWN }), about: "l" },
    { title: "listener whose protocol is unknown, forwarding", input: res("aws:lb/listener:Listener", "l", { protocol: UNKNOWN, port: 80, defaultActions: [{ type: "forward", targetGroupArn: "tg" }] }), about: "l" },
    { title: "HTTP listener whose action type is unknown", input: res("aws:lb/listener:Listener", "l", { protocol: "HTTP", port: 80, defaultActions: [{ type: UNKNOWN }] }), about: "l" },
    { title: "HTTP listener authenticating, then an action of unknown type", input: res("aws:lb/listener:Listener", "l", { protocol: "HTTP", port: 80, defaultActions: [{ type: "authenticate-cognito", order: 1 }, { type: UNKNOWN, order: 2 }] }), about: "l" },
    { title: "HTTP listener redirecting to an unknown protocol", input: res("aws:lb/listener:Listener", "l", { protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect", redirect: { protocol: UNKNOWN, port: "443", statusCode: "HTTP_301" } }] }), about: "l" },
  ],
    compliant: [
      { title: "redirect", input: res("aws:lb/listener:Listener", "http", { protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }] }) },
      { title: "HTTPS listener forwarding", input: res("aws:lb/listener:Listener", "https", { protocol: "HTTPS", port: 443, defaultActions: [{ type: "forward", targetGroupArn: "tg" }] }) },
    ],
    violating: [
      { title: "HTTP forward", input: res("aws:lb/listener:Listener", "http", { protocol: "HTTP", port: 80, defaultActions: [{ type: "forward", targetGroupArn: "tg" }] }), about: "http" },
      { title: "HTTP redirect to another HTTP port", input: res("aws:lb/listener:Listener", "http", { protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect", redirect: { protocol: "HTTP", port: "8080", statusCode: "HTTP_301" } }] }), about: "http" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "redirect": "COMPLIANT",
  "HTTPS listener forwarding": "COMPLIANT",
  "HTTP forward": "NON_COMPLIANT",
  "HTTP redirect to another HTTP port": "NON_COMPLIANT",
});
