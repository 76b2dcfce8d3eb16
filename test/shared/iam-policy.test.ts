import { strict as assert } from "node:assert";
import { grantsWildcardAction, parsePolicyDocument, policyDocument, validateStatement } from "../../components/shared/iam/policy";
import { useOfflineMocks, valueOf } from "../harness/pulumi";

describe("IAM policy helpers", () => {
  beforeEach(() => useOfflineMocks());

  it("builds sorted, de-duplicated statements with resolved ARNs", async () => {
    const json = await valueOf(
      policyDocument([
        { sid: "Tag", actions: ["ec2:CreateTags", "ec2:CreateTags"], resources: ["arn:aws:ec2:us-east-1:123456789012:instance/*"] },
        { sid: "Deny", effect: "Deny", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"], conditions: { Bool: { "aws:SecureTransport": "false" } } },
      ]),
    );
    const doc = parsePolicyDocument(json);
    assert.deepEqual(doc.Statement[0], { Sid: "Tag", Effect: "Allow", Action: ["ec2:CreateTags"], Resource: ["arn:aws:ec2:us-east-1:123456789012:instance/*"] });
    assert.equal(doc.Statement[1].Effect, "Deny");
    assert.deepEqual(doc.Statement[1].Condition, { Bool: { "aws:SecureTransport": "false" } });
    assert.equal(grantsWildcardAction(doc), false);
  });

  it("refuses wildcard and malformed actions, and empty statements", () => {
    assert.throws(() => validateStatement({ actions: ["*"], resources: ["*"] }), /service:Action|whole service/);
    assert.throws(() => validateStatement({ actions: ["s3:*"], resources: ["*"] }), /whole service/);
    assert.throws(() => validateStatement({ actions: ["s3:Get*"], resources: ["*"] }), /wildcard/);
    assert.doesNotThrow(() => validateStatement({ actions: ["s3:GetObject*"], resources: ["*"], allowActionWildcards: true }));
    assert.throws(() => validateStatement({ actions: [], resources: ["*"] }), /no actions/);
    assert.throws(() => validateStatement({ actions: ["s3:GetObject"], resources: [] }), /no resources/);
    assert.throws(() => validateStatement({ sid: "has space", actions: ["s3:GetObject"], resources: ["*"] }), /alphanumeric/);
  });

  it("detects wildcard grants in parsed documents", () => {
    assert.equal(grantsWildcardAction(parsePolicyDocument(JSON.stringify({ Statement: { Effect: "Allow", Action: "iam:*", Resource: "*" } }))), true);
    assert.equal(grantsWildcardAction(parsePolicyDocument(JSON.stringify({ Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }] }))), false);
  });
});
