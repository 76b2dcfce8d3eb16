import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:cloudfront/distribution:Distribution", {
  compliant: { "defaultRootObject set": { "defaultRootObject": "index.html" } },
  violating: { "defaultRootObject unset": {  } },
  unknown: { "defaultRootObject unknown": { "defaultRootObject": UNKNOWN } },
});
