import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  unknown: [{ title: "the detector's switch from an unknown output", input: [res("aws:guardduty/detector:Detector", "gd", { enable: UNKNOWN })], about: "gd" },],
    compliant: [
      { title: "detector", input: [res("aws:guardduty/detector:Detector", "gd", { enable: true })] },
      { title: "external", input: [], config: { managedExternally: true } },
    ],
    violating: [
      { title: "none", input: [] },
      { title: "disabled detector", input: [res("aws:guardduty/detector:Detector", "gd", { enable: false })] },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "detector": "COMPLIANT",
  "external": "COMPLIANT",
  "none": "NON_COMPLIANT",
  "disabled detector": "NON_COMPLIANT",
});
