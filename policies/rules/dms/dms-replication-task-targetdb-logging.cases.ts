import { dmsTaskLoggingCases } from "../cases";

export default dmsTaskLoggingCases(["TARGET_APPLY", "TARGET_LOAD"], "SOURCE_UNLOAD");
