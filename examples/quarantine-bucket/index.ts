import * as aws from "@pulumi/aws";
import * as kamae from "kamae";

// A bucket for evidence: versioned, SSE-KMS with its own key, Block Public Access, TLS only, access-logged, objects
// readable only by the forensic role, expiring after a year.
const caller = aws.getCallerIdentityOutput();
const forensicRoleArn = caller.accountId.apply((account) => `arn:aws:iam::${account}:role/forensics`);

const quarantine = new kamae.QuarantineBucket("evidence", {
  forensicPrincipalArns: [forensicRoleArn],
  expirationDays: 365,
});

export const bucketName = quarantine.bucketName;
export const kmsKeyArn = quarantine.kmsKeyArn;
