import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import type { Action, Outcome, StepResult } from "./model";
import { snsSubject } from "../../shared/aws/sns-subject";

/** What the operators receive for one response: where, what, and the outcome of each step (or the plan). */
export interface IsolationReport {
  readonly kind: "kamae.isolation-report";
  readonly action: "isolate" | "release";
  readonly outcome: Outcome;
  readonly detail: string;
  readonly mode: "enforce" | "detect";
  readonly accountId: string;
  readonly region: string;
  readonly instanceId: string;
  readonly findingId?: string;
  readonly source?: string;
  readonly reason: string;
  readonly at: string;
  /** Outcome of each executed step (enforce mode). */
  readonly steps: readonly StepResult[];
  /** What would be done (detect mode, breaker open). */
  readonly plan?: ReadonlyArray<Action>;
  readonly failures: readonly string[];
}

export interface Reporter {
  publish(report: IsolationReport): Promise<void>;
}

export function subjectOf(report: IsolationReport): string {
  return snsSubject(`Kamae ${report.action}: ${report.outcome} ${report.instanceId} in ${report.accountId}/${report.region}`);
}

export class SnsReporter implements Reporter {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: string,
  ) {}

  async publish(report: IsolationReport): Promise<void> {
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: subjectOf(report),
        Message: JSON.stringify(report, null, 2),
        MessageAttributes: {
          outcome: { DataType: "String", StringValue: report.outcome },
          accountId: { DataType: "String", StringValue: report.accountId },
        },
      }),
    );
  }
}
