// alb-http-to-https-redirection-check: HTTP listeners redirect to HTTPS.
import { asArray, label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";
import { cannotJudge, containsUnknown, judgeKnown } from "../../preview";

export default resourceRule("alb-http-to-https-redirection-check", (r) =>
  judgeKnown(r, ["protocol"], () => {
    if (r.props.protocol !== "HTTP") return [];
    const actions = asArray(r.props.defaultActions);
    if (actions.some((a) => a?.type === "redirect" && a.redirect?.protocol === "HTTPS")) return [];
    if (isUnknown(r.props.defaultActions) || actions.some((a) => isUnknown(a?.type) || (a?.type === "redirect" && containsUnknown(a.redirect)))) {
      return [cannotJudge(`HTTP listener ${label(r)}: its default actions are unknown until the update.`)];
    }
    return [`HTTP listener ${label(r)} does not redirect to HTTPS.`];
  }),
);
