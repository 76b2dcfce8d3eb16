import { judgedByAwsConfig, ruleCases, trail, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "whether the trail is multi-region is unknown", input: [trail("org", { isMultiRegionTrail: UNKNOWN })], about: "org" },],
    compliant: [
    { title: "a logging multi-region trail next to one whose logging is unknown", input: [trail("org"), trail("other", { enableLogging: UNKNOWN })] },
      { title: "multi-region trail", input: [trail("org")] },
      { title: "managed externally", input: [], config: { managedExternally: true } },
    ],
    violating: [
      { title: "no trail", input: [] },
      { title: "single-region trail", input: [trail("local", { isMultiRegionTrail: false })] },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "multi-region trail": "COMPLIANT",
  "managed externally": "COMPLIANT",
  "no trail": "NON_COMPLIANT",
  "single-region trail": "NON_COMPLIANT",
});
