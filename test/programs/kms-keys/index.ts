// AWS KMS developer guide, "Creating keys" and "Rotating keys": a symmetric encryption key left without automatic
// rotation, and an asymmetric signing key (which AWS KMS cannot rotate).
import * as aws from "@pulumi/aws";

const reports = new aws.kms.Key("reports", { description: "report archive", deletionWindowInDays: 30 });
new aws.kms.Alias("reports", { name: "alias/reports", targetKeyId: reports.keyId });

const signing = new aws.kms.Key("release-signing", {
  description: "release artifact signing",
  keyUsage: "SIGN_VERIFY",
  customerMasterKeySpec: "ECC_NIST_P256",
  deletionWindowInDays: 30,
});
new aws.kms.Alias("release-signing", { name: "alias/release-signing", targetKeyId: signing.keyId });
