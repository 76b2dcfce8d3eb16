import { alb, LB, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "access logs", input: alb("web") }],
    violating: [
      { title: "no access logs", input: res(LB, "web", { loadBalancerType: "application" }), about: "web" },
      { title: "disabled", input: res(LB, "web", { accessLogs: { enabled: false, bucket: "b" } }), about: "web" },
    ],
  });
