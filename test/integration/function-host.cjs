// One Lambda execution environment for a built bundle: loads dist/functions/<name>/index.js once (its cold start
// reads the environment it was started with) and answers invocations sent over IPC, one at a time or overlapping, as
// the Lambda runtime's event loop would. Started by test/integration/functions.ts.
"use strict";
const bundle = process.argv[2];
let handler;
try {
  handler = require(bundle).handler;
  if (typeof handler !== "function") throw new Error(`${bundle} exports no handler`);
} catch (err) {
  process.send({ kind: "init-error", error: { name: err.name, message: err.message } });
  process.exit(1);
}
let invocations = 0;
process.on("message", async ({ id, event }) => {
  invocations += 1;
  const context = {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:${process.env.KAMAE_HOME_ACCOUNT_ID ?? "000000000000"}:function:${process.env.AWS_LAMBDA_FUNCTION_NAME}`,
    memoryLimitInMB: "256",
    awsRequestId: `it-${process.pid}-${invocations}`,
    logGroupName: `/aws/lambda/${process.env.AWS_LAMBDA_FUNCTION_NAME}`,
    logStreamName: "integration",
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 60000,
  };
  let answer;
  try {
    const result = await handler(event, context);
    answer = { id, result: result === undefined ? null : result };
  } catch (err) {
    answer = { id, error: { name: err?.name ?? "Error", message: err?.message ?? String(err) } };
  }
  // A marker on both streams tells the parent that every log line of this invocation has been read.
  const marker = `${JSON.stringify({ kamaeInvocationEnd: id })}\n`;
  process.stdout.write(marker);
  process.stderr.write(marker);
  process.send(answer);
});
process.send({ kind: "ready", node: process.version });
