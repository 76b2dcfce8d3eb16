import { createHash } from "node:crypto";

/** A short stable suffix for children made from list items, so reordering a list never replaces resources. */
export function stableSuffix(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 8);
}

/**
 * The IAM path of every role that runs Kamae's responders. Member accounts trust only roles under it (with the
 * external id), and the credential workflow never restricts them.
 */
export const RESPONDER_ROLE_PATH = "/kamae/";
