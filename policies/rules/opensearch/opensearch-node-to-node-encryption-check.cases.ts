import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:opensearch/domain:Domain", {
  compliant: { "nodeToNodeEncryption.enabled true": { "nodeToNodeEncryption": { "enabled": true } } },
  violating: { "nodeToNodeEncryption.enabled false": { "nodeToNodeEncryption": { "enabled": false } }, "nodeToNodeEncryption.enabled unset (AWS default false)": {  } },
  unknown: { "nodeToNodeEncryption.enabled unknown": { "nodeToNodeEncryption": { "enabled": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "nodeToNodeEncryption.enabled true": "COMPLIANT",
  "nodeToNodeEncryption.enabled false": "NON_COMPLIANT",
  "nodeToNodeEncryption.enabled unset (AWS default false)": "NON_COMPLIANT",
});
