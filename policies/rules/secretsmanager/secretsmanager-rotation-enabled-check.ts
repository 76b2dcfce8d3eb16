// secretsmanager-rotation-enabled-check: Secrets Manager secrets rotate automatically. (FSBP SecretsManager.1)
import { coverage, label, ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("secretsmanager-rotation-enabled-check", (resources) => {
  const configs = ofType(resources, ["aws:secretsmanager/secretRotation:SecretRotation"]);
  return ofType(resources, ["aws:secretsmanager/secret:Secret"])
    .flatMap((t) => {
      const verdict = coverage(t, configs, "secretId");
      if (verdict === "covered") return [];
      if (verdict === "unknown") return [{ resource: t, cannotJudge: true as const, message: `${label(t)}: whether a configuration resource covers it is unknown until the update.` }];
      return [{ resource: t, message: `${label(t)} does not rotate: add aws.secretsmanager.SecretRotation` }];
    });
});
