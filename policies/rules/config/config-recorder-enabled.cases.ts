import { res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:cfg/recorderStatus:RecorderStatus";

export default ruleCases({
  compliant: [{ title: "setting in the stack", input: [res(T, "a", { name: "default", isEnabled: true })] }, { title: "managed externally", input: [], config: { managedExternally: true } }],
  violating: [{ title: "no setting in the account's baseline stack", input: [], config: { required: true } }, { title: "setting off", input: [res(T, "a", { name: "default", isEnabled: false })] }],
  notApplicable: [{ title: "workload stack without the setting", input: [] }],
  unknown: [{ title: "value unknown", input: [res(T, "a", { name: "default", isEnabled: UNKNOWN })] }],
});
