// ecr-private-tag-immutability-enabled: ECR private repositories have immutable image tags. (FSBP ECR.2)
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("ecr-private-tag-immutability-enabled", (p) => (isUnknown(p.imageTagMutability) ? UNKNOWN : String(p.imageTagMutability ?? "MUTABLE").startsWith("IMMUTABLE") ? undefined : "has mutable image tags: set imageTagMutability IMMUTABLE"));
