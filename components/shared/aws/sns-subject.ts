/**
 * SNS Publish refuses a Subject that is not "ASCII text that begins with a letter, number, or punctuation mark; must
 * not include line breaks or control characters; and must be less than 100 characters long" (API reference, Publish;
 * SNS in fact accepts exactly 100). Email subscribers read it as the mail's subject line.
 */
export const SNS_SUBJECT_MAX = 100;

const FALLBACK = "Kamae notification";

/**
 * The one way every responder builds an SNS subject from text that may carry anything an event put in it: line breaks,
 * tabs and control characters become spaces, any other character outside printable ASCII becomes "?" (one per code
 * point), runs of spaces collapse, the ends are trimmed, and text past 100 characters is cut with "..." so a reader
 * sees it was cut. Empty text gives a fixed subject. Never refused by SNS.
 */
export function snsSubject(text: string): string {
  const clean = text
    .replace(/\p{Cc}/gu, " ")
    .replace(/[^\x20-\x7e]/gu, "?")
    .replace(/ {2,}/g, " ")
    .trim();
  if (clean.length === 0) return FALLBACK;
  return clean.length <= SNS_SUBJECT_MAX ? clean : `${clean.slice(0, SNS_SUBJECT_MAX - 3).trimEnd()}...`;
}
