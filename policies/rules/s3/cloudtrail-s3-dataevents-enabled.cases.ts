import { judgedByAwsConfig, ruleCases, trail, UNKNOWN } from "../cases";

const DATA = { field: "eventCategory", equals: ["Data"] };
const S3_OBJECTS = { field: "resources.type", equals: ["AWS::S3::Object"] };

const cases = ruleCases({
    compliant: [
      { title: "basic selector", input: [trail("t")] },
      { title: "advanced selector on another trail", input: [trail("t", { eventSelectors: [] }), trail("data", { eventSelectors: undefined, advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] }] }] })] },
      { title: "no trails at all (multi-region rule covers that)", input: [] },
      { title: "advanced selector alone, fields in any order", input: [trail("t", { eventSelectors: undefined, advancedEventSelectors: [{ fieldSelectors: [S3_OBJECTS, DATA] }] })] },
      { title: "selectors unknown at preview on one trail, another recording S3 data events", input: [trail("t"), trail("u", { eventSelectors: UNKNOWN })] },
      { title: "a known S3 selector beside advanced selectors unknown at preview", input: [trail("t", { advancedEventSelectors: UNKNOWN })] },
    ],
    // Unknown at preview: it may record them or not, so neither compliant nor a violation.
    unknown: [
      { title: "selectors unknown at preview on one trail (it may record them)", input: [trail("t", { eventSelectors: [] }), trail("u", { eventSelectors: UNKNOWN })], about: "u", says: "S3 data events is unknown" },
      { title: "advanced selectors unknown at preview", input: [trail("u", { eventSelectors: [], advancedEventSelectors: UNKNOWN })], about: "u" },
      { title: "a selector's data resources unknown at preview", input: [trail("u", { eventSelectors: [{ dataResources: UNKNOWN }] })], about: "u" },
    ],
    violating: [
      { title: "selectors the program left unset, unknown at preview as computed outputs that depend on nothing", input: [{ ...trail("u", { eventSelectors: UNKNOWN, advancedEventSelectors: UNKNOWN }), propertyDependencies: { eventSelectors: [], advancedEventSelectors: [] } }], about: "u" },
      { title: "management events only", input: [trail("t", { eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }] })], about: "t" },
      { title: "basic selector for Lambda data events only", input: [trail("t", { eventSelectors: [{ dataResources: [{ type: "AWS::Lambda::Function", values: ["arn:aws:lambda"] }] }] })], about: "t" },
      { title: "advanced selector for data events of another resource type", input: [trail("t", { eventSelectors: [], advancedEventSelectors: [{ fieldSelectors: [DATA, { field: "resources.type", equals: ["AWS::DynamoDB::Table"] }] }] })], about: "t" },
      { title: "advanced selector naming S3 objects for management events", input: [trail("t", { eventSelectors: [], advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }, S3_OBJECTS] }] })], about: "t" },
      { title: "advanced selector with the values under the wrong fields", input: [trail("t", { eventSelectors: [], advancedEventSelectors: [{ fieldSelectors: [{ field: "readOnly", equals: ["Data"] }, { field: "eventName", equals: ["AWS::S3::Object"] }] }] })], about: "t" },
    ],
  });

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "basic selector": "COMPLIANT",
  "advanced selector on another trail": "COMPLIANT",
  "no trails at all (multi-region rule covers that)": { awsConfig: "NON_COMPLIANT", why: "With no trail at all the Config rule finds no S3 data events; the pack reports the missing trail once, through multi-region-cloudtrail-enabled (or the trail is declared managed elsewhere)." },
  "advanced selector alone, fields in any order": "COMPLIANT",
  "management events only": "NON_COMPLIANT",
  "basic selector for Lambda data events only": "NON_COMPLIANT",
  "advanced selector for data events of another resource type": "NON_COMPLIANT",
  "advanced selector naming S3 objects for management events": "NON_COMPLIANT",
  "advanced selector with the values under the wrong fields": "NON_COMPLIANT",
});
