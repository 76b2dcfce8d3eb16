import { judgedByAwsConfig, ruleCases, trail } from "../cases";

const cases = ruleCases({
    compliant: [
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
