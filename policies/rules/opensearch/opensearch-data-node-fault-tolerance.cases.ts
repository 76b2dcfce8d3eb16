import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:opensearch/domain:Domain", {
  compliant: { "three nodes across zones": { "clusterConfig": { "instanceCount": 3, "zoneAwarenessEnabled": true } } },
  violating: { "default (one node)": {  }, "three nodes, one zone": { "clusterConfig": { "instanceCount": 3 } } },
  unknown: { "count unknown": { "clusterConfig": { "instanceCount": UNKNOWN, "zoneAwarenessEnabled": true } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "three nodes across zones": "COMPLIANT",
  "default (one node)": "NON_COMPLIANT",
  "three nodes, one zone": "NON_COMPLIANT",
});
