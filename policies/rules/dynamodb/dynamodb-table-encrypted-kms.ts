// dynamodb-table-encrypted-kms: tables are encrypted with a KMS key rather than the DynamoDB-owned key.
import { label } from "../../helpers";
import { isUnknown, resourceRule } from "../../model";

export default resourceRule("dynamodb-table-encrypted-kms", (r) => {
  const sse = r.props.serverSideEncryption;
  if (isUnknown(sse) || isUnknown(sse?.enabled)) return [];
  return sse?.enabled === true ? [] : [`Table ${label(r)} does not enable serverSideEncryption with KMS.`];
});
