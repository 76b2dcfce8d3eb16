import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ecr/repository:Repository", {
  compliant: { "immutable": { imageTagMutability: "IMMUTABLE" }, "immutable with exclusions": { imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" } },
  violating: { "default (mutable)": {}, "MUTABLE": { imageTagMutability: "MUTABLE" } },
  unknown: { "unknown": { imageTagMutability: UNKNOWN } },
});
