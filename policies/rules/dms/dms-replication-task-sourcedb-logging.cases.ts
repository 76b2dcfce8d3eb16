import { dmsTaskLoggingCases } from "../cases";

export default dmsTaskLoggingCases(["SOURCE_CAPTURE", "SOURCE_UNLOAD"], "TARGET_LOAD");
