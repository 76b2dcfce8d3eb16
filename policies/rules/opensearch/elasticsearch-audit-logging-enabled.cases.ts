import { logPublishingCases } from "../cases";

export default logPublishingCases("aws:elasticsearch/domain:Domain", "AUDIT_LOGS");
