/**
 * End-to-end runs of the responders against the AWS-compatible endpoint that AWS_ENDPOINT_URL names (LocalStack,
 * moto's server, a sandbox account). The SDK reads the endpoint from its standard configuration, exactly as the
 * deployed functions do; without one every suite is skipped, and says why.
 */
export const endpoint = process.env.AWS_ENDPOINT_URL;

export function describeAgainstEndpoint(title: string, suite: (this: Mocha.Suite) => void): void {
  if (endpoint) describe(`${title} (against ${endpoint})`, suite);
  else describe.skip(`${title} (skipped: set AWS_ENDPOINT_URL to run)`, suite);
}

/** A name no earlier run used, so runs against a shared endpoint don't collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
