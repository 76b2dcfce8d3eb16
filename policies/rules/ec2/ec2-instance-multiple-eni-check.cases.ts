import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ec2/instance:Instance", {
  compliant: { "default interface": { "ami": "ami-1", "instanceType": "t3.micro" } },
  violating: { "two interfaces": { "ami": "ami-1", "instanceType": "t3.micro", "networkInterfaces": [{ "deviceIndex": 0, "networkInterfaceId": "eni-1" }, { "deviceIndex": 1, "networkInterfaceId": "eni-2" }] } },
  unknown: { "interfaces unknown": { "ami": "ami-1", "networkInterfaces": UNKNOWN } },
});
