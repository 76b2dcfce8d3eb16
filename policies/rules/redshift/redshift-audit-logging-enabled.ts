// redshift-audit-logging-enabled: Redshift clusters have audit logging. (FSBP Redshift.4)
import { coverage, label, ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("redshift-audit-logging-enabled", (resources) => {
  const configs = ofType(resources, ["aws:redshift/logging:Logging"]);
  return ofType(resources, ["aws:redshift/cluster:Cluster"])
    .flatMap((t) => {
      const verdict = coverage(t, configs, "clusterIdentifier");
      if (verdict === "covered") return [];
      if (verdict === "unknown") return [{ resource: t, cannotJudge: true as const, message: `${label(t)}: whether a configuration resource covers it is unknown until the update.` }];
      return [{ resource: t, message: `${label(t)} has no audit logging: add aws.redshift.Logging for it` }];
    });
});
