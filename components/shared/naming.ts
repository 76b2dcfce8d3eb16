import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { isPlain } from "./validation";

/** A short stable suffix for children made from list items, so reordering a list never replaces resources. */
export function stableSuffix(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 8);
}

/**
 * Children made per entry of a label map (`{ uploads: bucket.bucket }`) are named `${prefix}-${label}`: the label is the
 * user's stable key, so the value may be an output and reordering or changing a value replaces nothing. When the
 * argument was a list of plain strings, the child was named `${prefix}-${stableSuffix(value)}`: a plain value keeps
 * that name as an alias, so moving to the map replaces nothing (an output value had no such child).
 */
export function labelledChild(prefix: string, label: string, value: pulumi.Input<string>): { name: string; formerName?: string; aliases: pulumi.Alias[] } {
  const formerName = isPlain(value) && typeof value === "string" ? `${prefix}-${stableSuffix(value)}` : undefined;
  return { name: `${prefix}-${label}`, formerName, aliases: formerName !== undefined ? [{ name: formerName }] : [] };
}

/**
 * The IAM path of every role that runs Kamae's responders. Member accounts trust only roles under it (with the
 * external id), and the credential workflow never restricts them.
 */
export const RESPONDER_ROLE_PATH = "/kamae/";
