import { judgedByAwsConfig, ruleCases, trail, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [
    { title: "whether the trail is multi-region is unknown", input: [trail("org", { isMultiRegionTrail: UNKNOWN })], about: "org", says: "whether it is a logging multi-region trail is unknown" },
    { title: "whether the multi-region trail logs is unknown", input: [trail("org", { enableLogging: UNKNOWN })], about: "org" },
    { title: "a single-region trail, then one whose region scope and logging are unknown", input: [trail("local", { isMultiRegionTrail: false }), trail("org", { isMultiRegionTrail: UNKNOWN, enableLogging: UNKNOWN })], about: "org" },
  ],
    compliant: [
    { title: "a logging multi-region trail next to one whose logging is unknown", input: [trail("org"), trail("other", { enableLogging: UNKNOWN })] },
      { title: "multi-region trail", input: [trail("org")] },
      { title: "multi-region trail with logging on explicitly", input: [trail("org", { enableLogging: true })] },
      { title: "managed externally", input: [], config: { managedExternally: true } },
    ],
    violating: [
      { title: "no trail", input: [], says: "No logging multi-region CloudTrail trail" },
      { title: "multi-region trail with logging off", input: [trail("org", { enableLogging: false })] },
      { title: "trail whose region scope is unknown, with logging off", input: [trail("org", { isMultiRegionTrail: UNKNOWN, enableLogging: false })] },
      { title: "single-region trail whose logging is unknown", input: [trail("local", { isMultiRegionTrail: false, enableLogging: UNKNOWN })] },
      { title: "single-region trail", input: [trail("local", { isMultiRegionTrail: false })] },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "multi-region trail": "COMPLIANT",
  "managed externally": "COMPLIANT",
  "no trail": "NON_COMPLIANT",
  "single-region trail": "NON_COMPLIANT",
  "multi-region trail with logging on explicitly": "COMPLIANT",
  "multi-region trail with logging off": "NON_COMPLIANT",
});
