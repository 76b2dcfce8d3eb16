import { snsSubject } from "../shared/aws/sns-subject";

/**
 * The response to misused credentials, as an Amazon States Language definition: notify, restrict the
 * principal (deactivate the long-term access key the finding names, deny sessions issued before now; protected
 * principals are only reported), gather its recent API activity into a report in S3, notify again with what was done,
 * what was refused and what remains for a human. Any failure is caught, notified, and ends the execution as failed,
 * so a human always hears how it ended.
 */

export interface CredentialWorkflowArgs {
  /** The function that runs the "restrict" and "gather" steps. */
  readonly functionArn: string;
  readonly topicArn: string;
}

const RETRY_TRANSIENT = [
  { ErrorEquals: ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"], IntervalSeconds: 2, MaxAttempts: 4, BackoffRate: 2, JitterStrategy: "FULL" },
  { ErrorEquals: ["ThrottlingException", "Throttling"], IntervalSeconds: 5, MaxAttempts: 4, BackoffRate: 2, JitterStrategy: "FULL" },
];
const CATCH_ALL = [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "NotifyFailed" }];

function step(name: "restrict" | "gather", args: CredentialWorkflowArgs, resultPath: string, next: string): Record<string, unknown> {
  return {
    Type: "Task",
    Resource: "arn:aws:states:::lambda:invoke",
    Parameters: { FunctionName: args.functionArn, Payload: { step: name, "finding.$": "$.finding" } },
    ResultSelector: { "result.$": "$.Payload" },
    ResultPath: resultPath,
    Retry: RETRY_TRANSIENT,
    Catch: CATCH_ALL,
    Next: next,
  };
}

function notify(args: CredentialWorkflowArgs, subject: string, message: string, next: string, catchFailures: boolean): Record<string, unknown> {
  return {
    Type: "Task",
    Resource: "arn:aws:states:::sns:publish",
    Parameters: { TopicArn: args.topicArn, Subject: snsSubject(subject), "Message.$": message },
    ResultPath: null,
    Retry: [{ ErrorEquals: ["SNS.SdkClientException", "SNS.ThrottledException", "States.TaskFailed"], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
    ...(catchFailures ? { Catch: CATCH_ALL } : {}),
    Next: next,
  };
}

export function credentialWorkflowDefinition(args: CredentialWorkflowArgs): Record<string, unknown> {
  const who = "$.finding.id, $.finding.type, $.finding.principal.type, $.finding.principal.name, $.finding.accountId, $.finding.region";
  return {
    Comment: "Kamae GuardDutyResponder: respond to compromised credentials (notify, restrict sessions, gather activity, notify)",
    StartAt: "NotifyStarted",
    TimeoutSeconds: 3600,
    States: {
      NotifyStarted: notify(
        args,
        "Kamae: credential compromise response started",
        `States.Format('Kamae is responding to GuardDuty finding {} ({}) about {} {} in account {} ({}): unless the principal is protected, the long-term access key the finding names is deactivated and sessions issued before now are denied; its recent API activity is gathered. A second message says what was done and what is left for a human.', ${who})`,
        "RestrictPrincipal",
        true,
      ),
      RestrictPrincipal: step("restrict", args, "$.restriction", "GatherActivity"),
      GatherActivity: step("gather", args, "$.report", "NotifyCompleted"),
      // What was done, refused and left for a human first (the restrict step's summary), then the full record.
      NotifyCompleted: notify(args, "Kamae: credential compromise response completed", "States.Format('{}\n\nActivity report: s3://{}/{}\n\n{}', $.restriction.result.summary, $.report.result.bucket, $.report.result.key, States.JsonToString($))", "Completed", false),
      Completed: { Type: "Succeed" },
      NotifyFailed: notify(args, "Kamae: credential compromise response FAILED", "States.JsonToString($)", "Failed", false),
      Failed: { Type: "Fail", Error: "CredentialResponseFailed", Cause: "A step of the credential compromise response failed; see the notification and the execution history." },
    },
  };
}
