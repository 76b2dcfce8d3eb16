import { res, ruleCases, UNKNOWN } from "../cases";

const T = "aws:guardduty/detectorFeature:DetectorFeature";

export default ruleCases({
  compliant: [{ title: "setting in the stack", input: [res(T, "a", { detectorId: "d", name: "S3_DATA_EVENTS", status: "ENABLED" })] }, { title: "managed externally", input: [], config: { managedExternally: true } }],
  violating: [{ title: "no setting in the account's baseline stack", input: [], config: { required: true } }, { title: "setting off", input: [res(T, "a", { detectorId: "d", name: "S3_DATA_EVENTS", status: "DISABLED" })] }],
  notApplicable: [{ title: "workload stack without the setting", input: [] }],
  unknown: [{ title: "value unknown", input: [res(T, "a", { detectorId: "d", name: "S3_DATA_EVENTS", status: UNKNOWN })] }],
});
