import { judgedByAwsConfig, res, ruleCases, settingCases, SUBJECT, UNKNOWN } from "../cases";

const FUNCTION = "aws:lambda/function:Function";
const IMAGE = { packageType: "Image", imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/f:1" };
// The Config rule is deployed only with timeout and memorySize given (entries.ts): the cases give them, and the policy
// judges them as the deployed rule does (equal to the values given; a function that sets none has Lambda's 3 s, 128 MB).
const config = { timeout: 30, memorySize: 512 };
const sized = { timeout: 30, memorySize: 512 };
const judged = settingCases(
  FUNCTION,
  {
    compliant: { "nodejs22.x": { runtime: "nodejs22.x", ...sized } },
    violating: {
      "python3.8": { runtime: "python3.8", ...sized },
      "nodejs16.x": { runtime: "nodejs16.x", ...sized },
      "a longer timeout than given": { runtime: "nodejs22.x", ...sized, timeout: 31 },
      "no timeout: Lambda's 3 s": { runtime: "nodejs22.x", memorySize: 512 },
      "less memory than given": { runtime: "nodejs22.x", ...sized, memorySize: 256 },
      "no memory size: Lambda's 128 MB": { runtime: "nodejs22.x", timeout: 30 },
    },
    notApplicable: { "container image": { ...IMAGE, timeout: 900 } },
    unknown: { "runtime unknown": { runtime: UNKNOWN, ...sized }, "timeout unknown": { runtime: "nodejs22.x", ...sized, timeout: UNKNOWN } },
  },
  config,
);

/** What the message of these cases must say: the setting and the value with its unit. */
const says: Record<string, string> = {
  "a longer timeout than given": "timeout 31 s where 30 s",
  "no timeout: Lambda's 3 s": "timeout 3 s",
  "less memory than given": "memorySize 256 MB where 512 MB",
  "no memory size: Lambda's 128 MB": "memorySize 128 MB",
  "python3.8": "runtime python3.8",
};

const cases = ruleCases({
  ...judged,
  violating: judged.violating.map((c) => (says[c.title] ? { ...c, says: says[c.title] } : c)),
  // Without them the policy judges the runtime only, and the catalog deploys no Config rule to disagree.
  compliant: [...judged.compliant, { title: "any timeout and memory size when config gives none", input: res(FUNCTION, SUBJECT, { runtime: "nodejs22.x", timeout: 900, memorySize: 10240 }) }],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "nodejs22.x": "COMPLIANT",
  "python3.8": "NON_COMPLIANT",
  "nodejs16.x": "NON_COMPLIANT",
  "a longer timeout than given": "NON_COMPLIANT",
  "no timeout: Lambda's 3 s": "NON_COMPLIANT",
  "less memory than given": "NON_COMPLIANT",
  "no memory size: Lambda's 128 MB": "NON_COMPLIANT",
  "container image": "NOT_APPLICABLE",
  "any timeout and memory size when config gives none": "NOT_APPLICABLE",
});
