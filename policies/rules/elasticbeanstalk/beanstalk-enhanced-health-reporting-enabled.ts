// beanstalk-enhanced-health-reporting-enabled: Elastic Beanstalk environments have enhanced health reporting. (FSBP ElasticBeanstalk.1)
import { asArray } from "../../helpers";
import { settingRule } from "../../judge";
import { isUnknown, UNKNOWN } from "../../model";

export default settingRule("beanstalk-enhanced-health-reporting-enabled", (p) => {
  if (isUnknown(p.settings)) return UNKNOWN;
  const setting = asArray(p.settings).find((s) => s?.namespace === "aws:elasticbeanstalk:healthreporting:system" && s?.name === "SystemType");
  if (isUnknown(setting?.value)) return UNKNOWN;
  return String(setting?.value).toLowerCase() === "enhanced" ? undefined : "has basic health reporting: set aws:elasticbeanstalk:healthreporting:system SystemType enhanced";
});
