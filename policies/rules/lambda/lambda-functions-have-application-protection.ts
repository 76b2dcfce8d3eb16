// lambda-functions-have-application-protection: every function carries the protection layer (components/application-protection).
import { functionsWithoutProtection } from "../../../components/application-protection/policy";
import { ofType } from "../../helpers";
import { stackRule } from "../../model";

export default stackRule("lambda-functions-have-application-protection", (resources, config) =>
  // The capability owns the judgement; the pack adds unknown handling, suppressions and configuration.
  functionsWithoutProtection(ofType(resources, ["aws:lambda/function:Function"]), config).map((v) => ({
    resource: resources.find((r) => r.urn === v.resource.urn),
    message: v.message,
  })),
);
