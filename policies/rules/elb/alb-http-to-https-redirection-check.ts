// alb-http-to-https-redirection-check: HTTP listeners redirect to HTTPS.
import { asArray, label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("alb-http-to-https-redirection-check", (r) => {
  if (r.props.protocol !== "HTTP" || isUnknown(r.props.defaultActions)) return [];
  const actions = asArray(r.props.defaultActions);
  const redirects = actions.some((a) => a?.type === "redirect" && (a.redirect?.protocol === "HTTPS" || isUnknown(a.redirect?.protocol)));
  return redirects ? [] : [`HTTP listener ${label(r)} does not redirect to HTTPS.`];
});
