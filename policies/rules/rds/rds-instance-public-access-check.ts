// rds-instance-public-access-check: DB instances are not publicly accessible.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("rds-instance-public-access-check", (r) =>
  judgeKnown(r, ["publiclyAccessible"], () => (r.props.publiclyAccessible === true ? [`DB instance ${label(r)} is publicly accessible.`] : [])),
);
