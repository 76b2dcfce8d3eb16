import { EC2Client } from "@aws-sdk/client-ec2";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { lambdaHandler } from "../../shared/runtime/handler";
import { logger } from "../../shared/runtime/logger";
import { handleFeedEvent } from "./responder";
import { feedSettingsFromEnv } from "./settings";

const settings = feedSettingsFromEnv();
const clients = new AccountClients(accountAccessFromEnv());
const topicArn = settings.reportTopicArn;
const sns = topicArn ? new SNSClient({ region: topicArn.split(":")[3] }) : undefined;

/** EC2 state-change events and the scheduled reconciliation: keeps one mirror session per ENI of selected instances. */
export const handler = lambdaHandler(async (event: unknown) =>
  handleFeedEvent(event, {
    settings,
    ec2For: (target) => clients.client(EC2Client, target),
    log: (message, details) => logger.info(message, details),
    publish: sns
      ? async (subject, report) => {
          await sns.send(new PublishCommand({ TopicArn: topicArn, Subject: subject, Message: JSON.stringify(report, null, 2) }));
        }
      : undefined,
  }),
);
