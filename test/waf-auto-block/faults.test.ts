import { strict as assert } from "node:assert";
import { processMessages } from "../../components/waf-auto-block/lambda/block-writer";
import { awsError } from "../harness/aws";
import { block, record, world } from "./writer-harness";

/**
 * Fault injection into the single writer, call by call: each AWS call of a batch fails in turn with throttling, a
 * missing permission and a conflict. The batch must end complete, or name the messages to redeliver, or fail whole
 * (SQS redelivers it); once the fault is gone the redelivery completes it. Never a silent partial success.
 */
const CALLS = ["GetIPSet", "UpdateIPSet", "BatchGetItem", "GetItem", "PutItem", "Scan"];
/** Both sources have a breaker: its read (GetItem) and versioned write (PutItem) are calls of every batch. */
const BREAKER = { windowMinutes: 60, maxNewBlocks: { guardduty: 100, honeypot: 100 } };
const FAULTS: Record<string, (op: string) => Error> = {
  throttling: (op) => awsError(op.startsWith("Update") || op.startsWith("Get") ? "WAFUnavailableEntityException" : "ProvisionedThroughputExceededException", "Rate exceeded"),
  "access-denied": () => awsError("AccessDeniedException", "User is not authorized to perform this operation", { httpStatusCode: 403 }),
  conflict: (op) => awsError(op === "PutItem" ? "ConditionalCheckFailedException" : op.endsWith("IPSet") ? "WAFOptimisticLockException" : "TransactionConflictException", "conflict"),
};
export const WRITER_FAULT_CASES = CALLS.length * Object.keys(FAULTS).length;

describe(`WafAutoBlock writer fault injection: ${CALLS.length} calls × ${Object.keys(FAULTS).length} faults = ${WRITER_FAULT_CASES} cases (issue 18)`, () => {
  for (const call of CALLS) {
    for (const [name, fault] of Object.entries(FAULTS)) {
      it(`${call} fails with ${name}: complete, or redelivered to completion`, async () => {
        const w = world();
        let failing = true;
        const inject = (op: string) => (failing && op === call ? fault(op) : undefined);
        w.waf.fail = inject;
        w.dynamo.fail = inject;
        w.dynamo.failPut = () => inject("PutItem");
        const batch = [record(block(["45.33.32.156"]), "m1"), record(block(["45.33.32.157"], { source: "honeypot" }), "m2")];
        let redeliver = batch;
        try {
          const report = await processMessages(batch, w.deps({ breaker: BREAKER }));
          redeliver = batch.filter((r) => report.failedMessageIds.includes(r.messageId));
          const blocked = w.waf.all();
          if (redeliver.length === 0) assert.deepEqual(blocked.sort(), ["45.33.32.156/32", "45.33.32.157/32"], "a batch reported done is done");
        } catch {
          // the whole batch is redelivered
        }
        failing = false;
        if (redeliver.length > 0) await processMessages(redeliver, w.deps({ breaker: BREAKER }));
        assert.deepEqual(w.waf.all().sort(), ["45.33.32.156/32", "45.33.32.157/32"], "the end state is complete");
      });
    }
  }
});
