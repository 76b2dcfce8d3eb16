import { strict as assert } from "node:assert";
import fc from "fast-check";
import { snsSubject, SNS_SUBJECT_MAX } from "../../components/shared/aws/sns-subject";
import { runs } from "../harness/properties";
import { refusePublish } from "../harness/sns";

const TOPIC = "arn:aws:sns:us-east-1:111122223333:kamae-reports";
/** The oracle: the SNS fake's Publish, which refuses subjects as the API reference says (test/harness/sns.ts). */
const accepted = (subject: string) => {
  try {
    refusePublish({ TopicArn: TOPIC, Message: "m", Subject: subject }, () => true);
    return true;
  } catch {
    return false;
  }
};

/** Text an event may carry: anything, hostile whitespace and controls, and lengths around the limit. */
const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: fc.constantFrom("a", " ", "\n", "\r", "\t", "\u0000", "\u007f", "\u0085", "é", "\u{1F600}", "\u2028", "-"), maxLength: 140 }),
  fc.integer({ min: SNS_SUBJECT_MAX - 3, max: SNS_SUBJECT_MAX + 3 }).chain((n) => fc.string({ unit: "binary-ascii", minLength: n, maxLength: n })),
  fc.constantFrom("", " ", "\n\n", " leading", "x".repeat(SNS_SUBJECT_MAX), "x".repeat(SNS_SUBJECT_MAX + 1), `${"y".repeat(97)}  \u{1F600}z`),
);

describe("snsSubject (the one SNS subject of every responder)", () => {
  it("any text gives a subject SNS accepts", () => {
    let long = 0;
    let controls = 0;
    fc.assert(
      fc.property(hostile, (text) => {
        if (text.length > SNS_SUBJECT_MAX) long++;
        if (/\p{Cc}/u.test(text)) controls++;
        const subject = snsSubject(text);
        assert.ok(accepted(subject), JSON.stringify(subject));
      }),
      runs(2000),
    );
    // The generator reaches what SNS refuses as given: over-long text and control characters.
    assert.ok(long > 100 && controls > 100, `long ${long}, controls ${controls}`);
  });

  it("a subject SNS already accepts, with single spaces, is kept as it is", () => {
    const valid = fc.string({ unit: "binary-ascii", minLength: 1, maxLength: SNS_SUBJECT_MAX }).filter((s) => accepted(s) && !/ {2}| $/.test(s));
    fc.assert(fc.property(valid, (s) => snsSubject(s) === s), runs(1000));
  });

  it("shows where it cut: a long subject ends with ...; empty text gets a fixed subject", () => {
    assert.equal(snsSubject("x".repeat(SNS_SUBJECT_MAX)), "x".repeat(SNS_SUBJECT_MAX));
    assert.equal(snsSubject("x".repeat(SNS_SUBJECT_MAX + 1)), `${"x".repeat(SNS_SUBJECT_MAX - 3)}...`);
    assert.equal(snsSubject(" \n\t "), "Kamae notification");
    assert.equal(snsSubject("Kamae: finding\nType: évasion \u{1F600}"), "Kamae: finding Type: ?vasion ?");
  });
});
