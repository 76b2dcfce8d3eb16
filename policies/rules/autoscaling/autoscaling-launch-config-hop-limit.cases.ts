import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ec2/launchConfiguration:LaunchConfiguration", {
  compliant: { "hop limit 1": { "imageId": "ami-1", "instanceType": "t3.micro", "metadataOptions": { "httpPutResponseHopLimit": 1 } }, "default": { "imageId": "ami-1", "instanceType": "t3.micro" } },
  violating: { "hop limit 2": { "imageId": "ami-1", "instanceType": "t3.micro", "metadataOptions": { "httpPutResponseHopLimit": 2 } } },
  unknown: { "hop limit unknown": { "imageId": "ami-1", "instanceType": "t3.micro", "metadataOptions": { "httpPutResponseHopLimit": UNKNOWN } } },
});
