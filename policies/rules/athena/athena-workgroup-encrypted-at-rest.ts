// athena-workgroup-encrypted-at-rest: Athena workgroups encrypt query results at rest. (FSBP Athena.1)
import { at, requirePresent, settingRule } from "../../judge";

export default settingRule("athena-workgroup-encrypted-at-rest", (p) => requirePresent(at(p, "configuration.resultConfiguration.encryptionConfiguration.encryptionOption"), "does not encrypt query results: set configuration.resultConfiguration.encryptionConfiguration"));
