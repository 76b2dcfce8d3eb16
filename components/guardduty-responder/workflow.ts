/**
 * The credential-compromise workflow (playbooks.md §6) as an Amazon States Language definition: notify, restrict the
 * principal (deny sessions issued before now), gather its recent API activity into a report in S3, notify again. Any
 * failure is caught, notified, and ends the execution as failed, so a human always hears how it ended.
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
    Parameters: { TopicArn: args.topicArn, Subject: subject, "Message.$": message },
    ResultPath: null,
    Retry: [{ ErrorEquals: ["SNS.SdkClientException", "SNS.ThrottledException", "States.TaskFailed"], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
    ...(catchFailures ? { Catch: CATCH_ALL } : {}),
    Next: next,
  };
}

export function credentialWorkflowDefinition(args: CredentialWorkflowArgs): Record<string, unknown> {
  const who = "$.finding.principal.type, $.finding.principal.name, $.finding.accountId, $.finding.region, $.finding.type, $.finding.id";
  return {
    Comment: "Kamae GuardDutyResponder: respond to compromised credentials (notify, restrict sessions, gather activity, notify)",
    StartAt: "NotifyStarted",
    TimeoutSeconds: 3600,
    States: {
      NotifyStarted: notify(
        args,
        "Kamae: credential compromise response started",
        `States.Format('Kamae is restricting {} {} in account {} ({}) after GuardDuty finding {} ({}): sessions issued before now will be denied, and its recent API activity gathered.', ${who})`,
        "RestrictPrincipal",
        true,
      ),
      RestrictPrincipal: step("restrict", args, "$.restriction", "GatherActivity"),
      GatherActivity: step("gather", args, "$.report", "NotifyCompleted"),
      NotifyCompleted: notify(args, "Kamae: credential compromise response completed", "States.JsonToString($)", "Completed", false),
      Completed: { Type: "Succeed" },
      NotifyFailed: notify(args, "Kamae: credential compromise response FAILED", "States.JsonToString($)", "Failed", false),
      Failed: { Type: "Fail", Error: "CredentialResponseFailed", Cause: "A step of the credential compromise response failed; see the notification and the execution history." },
    },
  };
}
