import { ruleCases, trail } from "../cases";

export default ruleCases({
    compliant: [
      { title: "basic selector", input: [trail("t")] },
      { title: "advanced selector on another trail", input: [trail("t", { eventSelectors: [] }), trail("data", { eventSelectors: undefined, advancedEventSelectors: [{ fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] }] }] })] },
      { title: "no trails at all (multi-region rule covers that)", input: [] },
    ],
    violating: [{ title: "management events only", input: [trail("t", { eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }] })], about: "t" }],
  });
