import { res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:cloudwatch/eventBus:EventBus";
const C = "aws:cloudwatch/eventBusPolicy:EventBusPolicy";

export default ruleCases({
  compliant: [{ title: "configured", input: [res(T, "t", { name: "t" }), res(C, "t-config", { eventBusName: "t", policy: "{}" })] }],
  violating: [{ title: "no configuration", input: [res(T, "t", { name: "t" })], about: "t" }],
  notApplicable: [{ title: "nothing to judge", input: [] }],
  unknown: [{ title: "reference unknown, no dependency information", about: "t", input: [res(T, "t", { name: "t" }), res(C, "t-config", { eventBusName: UNKNOWN, policy: "{}" })] }],
});
