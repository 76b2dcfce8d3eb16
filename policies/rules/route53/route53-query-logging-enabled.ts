// route53-query-logging-enabled: Route 53 public hosted zones log DNS queries. (FSBP Route53.2)
import { coverage, label, ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("route53-query-logging-enabled", (resources) => {
  const configs = ofType(resources, ["aws:route53/queryLog:QueryLog"]);
  return ofType(resources, ["aws:route53/zone:Zone"])
    .filter((t) => !(Array.isArray(t.props.vpcs) && t.props.vpcs.length > 0))
    .flatMap((t) => {
      const verdict = coverage(t, configs, "zoneId");
      if (verdict === "covered") return [];
      if (verdict === "unknown") return [{ resource: t, cannotJudge: true as const, message: `${label(t)}: whether a configuration resource covers it is unknown until the update.` }];
      return [{ resource: t, message: `${label(t)} does not log DNS queries: add aws.route53.QueryLog` }];
    });
});
