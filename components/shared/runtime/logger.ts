import { Logger } from "@aws-lambda-powertools/logger";

/** The one structured JSON logger of a function, created once per execution environment (Powertools style). */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "kamae" });
