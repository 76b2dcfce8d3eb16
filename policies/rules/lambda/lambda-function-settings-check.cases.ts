import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:lambda/function:Function", {
  compliant: { "nodejs22.x": { "runtime": "nodejs22.x" } },
  violating: { "python3.8": { "runtime": "python3.8" }, "nodejs16.x": { "runtime": "nodejs16.x" } },
  notApplicable: { "container image": { "packageType": "Image", "imageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/f:1" } },
  unknown: { "runtime unknown": { "runtime": UNKNOWN } },
});
