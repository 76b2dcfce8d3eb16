import { res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:macie2/account:Account";

export default ruleCases({
  compliant: [{ title: "setting in the stack", input: [res(T, "a", {})] }, { title: "managed externally", input: [], config: { managedExternally: true } }],
  violating: [{ title: "no setting in the account's baseline stack", input: [], config: { required: true } }, { title: "setting off", input: [res(T, "a", { status: "PAUSED" })] }],
  notApplicable: [{ title: "workload stack without the setting", input: [] }],
  unknown: [{ title: "value unknown", input: [res(T, "a", { status: UNKNOWN })] }],
});
