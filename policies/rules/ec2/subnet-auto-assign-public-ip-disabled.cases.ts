import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:ec2/subnet:Subnet", {
  compliant: { "mapPublicIpOnLaunch false": { "vpcId": "vpc-1", "cidrBlock": "10.0.1.0/24", "mapPublicIpOnLaunch": false }, "mapPublicIpOnLaunch unset (AWS default false)": { "vpcId": "vpc-1", "cidrBlock": "10.0.1.0/24" } },
  violating: { "mapPublicIpOnLaunch true": { "vpcId": "vpc-1", "cidrBlock": "10.0.1.0/24", "mapPublicIpOnLaunch": true } },
  unknown: { "mapPublicIpOnLaunch unknown": { "vpcId": "vpc-1", "cidrBlock": "10.0.1.0/24", "mapPublicIpOnLaunch": UNKNOWN } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "mapPublicIpOnLaunch false": "COMPLIANT",
  "mapPublicIpOnLaunch unset (AWS default false)": "COMPLIANT",
  "mapPublicIpOnLaunch true": "NON_COMPLIANT",
});
