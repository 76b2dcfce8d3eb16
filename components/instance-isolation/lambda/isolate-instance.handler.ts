import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SNSClient } from "@aws-sdk/client-sns";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { AccountClients, accountAccessFromEnv } from "../../shared/aws/account-clients";
import { lambdaHandler } from "../../shared/runtime/handler";
import { Ledger } from "./ledger";
import { SnsReporter } from "./report";
import { handleEvent } from "./respond";
import { isolationSettingsFromEnv } from "./settings";

// Read once per execution environment: a misconfiguration fails at cold start, naming the variable.
const settings = isolationSettingsFromEnv();
const clients = new AccountClients(accountAccessFromEnv());
const ledger = new Ledger(DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } }), settings.tableName);
// The report topic lives in the home account and its own Region, wherever the instance is.
const reporter = new SnsReporter(new SNSClient({ region: settings.reportTopicArn.split(":")[3] }), settings.reportTopicArn);

export const handler = lambdaHandler((event: unknown) => handleEvent(event, { settings, clients, ledger, reporter, now: Date.now }));
