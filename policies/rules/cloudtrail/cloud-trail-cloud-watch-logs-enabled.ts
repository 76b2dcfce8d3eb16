// cloud-trail-cloud-watch-logs-enabled: trails deliver to CloudWatch Logs (the Config rule: the trail's log group ARN
// is set). A log group ARN unknown at preview counts only when it comes from a log group of this stack.
import { ofType, referenceViolations, T } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("cloud-trail-cloud-watch-logs-enabled", (resources) =>
  referenceViolations(ofType(resources, T.trail), "cloudWatchLogsGroupArn", ofType(resources, ["aws:cloudwatch/logGroup:LogGroup"]), "has no cloudWatchLogsGroupArn: set it and cloudWatchLogsRoleArn", "log group"),
);
