import { ruleCases, trail } from "../cases";

export default ruleCases({
    compliant: [{ title: "log group", input: trail("t") }],
    violating: [{ title: "none", input: trail("t", { cloudWatchLogsGroupArn: undefined }), about: "t" }],
  });
