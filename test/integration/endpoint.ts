/**
 * End-to-end runs of the responders against an AWS-compatible endpoint: moto's server, which the suite starts itself
 * (test/integration/moto.ts), or whatever AWS_ENDPOINT_URL names (LocalStack, a sandbox account). The SDK reads the
 * endpoint from its standard configuration, exactly as the deployed functions do. Locally, without either, every suite
 * is skipped and says why; in CI (CI=true) that is a failure, never a skip.
 */
import { existsSync } from "node:fs";
import { MOTO_PYTHON } from "./moto";

const given = process.env.AWS_ENDPOINT_URL;
const available = given !== undefined || existsSync(MOTO_PYTHON);
if (!available && process.env.CI) throw new Error(`CI needs the AWS emulator: run scripts/emulator/install-moto.sh (no ${MOTO_PYTHON})`);

export const region = process.env.AWS_REGION ?? "us-east-1";
/** moto's default account: the credentials the suite uses belong to it. */
export const HOME_ACCOUNT = "123456789012";

export function describeAgainstEndpoint(title: string, suite: (this: Mocha.Suite) => void): void {
  if (available) describe(`${title} (against ${given ?? "moto"})`, suite);
  else describe.skip(`${title} (skipped: run scripts/emulator/install-moto.sh, or set AWS_ENDPOINT_URL)`, suite);
}

/** A name no earlier run used, so runs against a shared endpoint don't collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
