// The parsers of every event format Kamae's responders consume: total functions, typed result or typed rejection.
export * from "./result";
export * from "./sns";
export * from "./eventbridge";
export * from "./deep-security";
export * from "./file-storage-security";
export * from "./malware-protection";
export * from "./guardduty";
export * from "./s3-notification";
export * from "./ec2-state-change";
export * from "./inspector";
