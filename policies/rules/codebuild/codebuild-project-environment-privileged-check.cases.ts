import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:codebuild/project:Project", {
  compliant: { "environment.privilegedMode false": { "environment": { "privilegedMode": false } }, "environment.privilegedMode unset (AWS default false)": {  } },
  violating: { "environment.privilegedMode true": { "environment": { "privilegedMode": true } } },
  unknown: { "environment.privilegedMode unknown": { "environment": { "privilegedMode": UNKNOWN } } },
});
