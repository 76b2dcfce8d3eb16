import type { Context } from "aws-lambda";
import { logger } from "./logger";
import { metrics } from "./metrics";

/**
 * Wraps a function's business logic the Powertools way: Lambda context in every log line, the failure logged with
 * its stack before it propagates (so the event reaches the failure queue), temporary keys cleared and metrics flushed
 * between events.
 */
export function lambdaHandler<E, R>(logic: (event: E, context: Context) => Promise<R>): (event: E, context: Context) => Promise<R> {
  return async (event, context) => {
    logger.addContext(context);
    try {
      return await logic(event, context);
    } catch (err) {
      logger.error("invocation failed", err as Error);
      throw err;
    } finally {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
      logger.resetKeys();
    }
  };
}
