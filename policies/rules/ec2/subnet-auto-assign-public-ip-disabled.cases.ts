import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ec2/subnet:Subnet", {
  compliant: { "mapPublicIpOnLaunch false": { "vpcId": "vpc-1", "cidrBlock": "10.0.1.0/24", "mapPublicIpOnLaunch": false }, "mapPublicIpOnLaunch unset (AWS default false)": { "vpcId": "vpc-1", "cidrBlock": "10.0.1.0/24" } },
  violating: { "mapPublicIpOnLaunch true": { "vpcId": "vpc-1", "cidrBlock": "10.0.1.0/24", "mapPublicIpOnLaunch": true } },
  unknown: { "mapPublicIpOnLaunch unknown": { "vpcId": "vpc-1", "cidrBlock": "10.0.1.0/24", "mapPublicIpOnLaunch": UNKNOWN } },
});
