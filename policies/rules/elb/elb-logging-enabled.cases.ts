import { alb, judgedByAwsConfig, LB, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "access logs switch unknown", input: res(LB, "web", { loadBalancerType: "application", accessLogs: { enabled: UNKNOWN, bucket: "b" } }), about: "web" },],
    compliant: [
    { title: "log bucket from an unknown output (the presence is what counts)", input: res(LB, "web", { loadBalancerType: "application", accessLogs: { enabled: true, bucket: UNKNOWN } }) },{ title: "access logs", input: alb("web") }],
    violating: [
      { title: "no access logs", input: res(LB, "web", { loadBalancerType: "application" }), about: "web" },
      { title: "disabled", input: res(LB, "web", { accessLogs: { enabled: false, bucket: "b" } }), about: "web" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "access logs": "COMPLIANT",
  "no access logs": "NON_COMPLIANT",
  "disabled": "NON_COMPLIANT",
});
