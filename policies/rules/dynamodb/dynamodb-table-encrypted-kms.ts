// dynamodb-table-encrypted-kms: tables are encrypted with a KMS key rather than the DynamoDB-owned key.
import { label } from "../../helpers";
import { resourceRule } from "../../model";
import { judgeKnown } from "../../preview";

export default resourceRule("dynamodb-table-encrypted-kms", (r) =>
  judgeKnown(r, ["serverSideEncryption.enabled"], () =>
    r.props.serverSideEncryption?.enabled === true ? [] : [`Table ${label(r)} does not enable serverSideEncryption with KMS.`],
  ),
);
