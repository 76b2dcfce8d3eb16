import { BUCKET, replace, res, ruleCases, secureBucket, without } from "../cases";

export default ruleCases({
    compliant: [
      { title: "separate BucketVersioning", input: secureBucket("data") },
      { title: "deprecated inline versioning", input: [res(BUCKET, "old", { bucket: "old", versioning: { enabled: true } })] },
    ],
    violating: [
      { title: "no BucketVersioning", input: without(secureBucket("data"), "data-versioning"), about: "data" },
      { title: "BucketVersioning Suspended", input: replace(secureBucket("data"), "data-versioning", { versioningConfiguration: { status: "Suspended" } }), about: "data" },
    ],
  });
