// The pack the engine runs (`pulumi preview --policy-pack policies`): serves Kamae's policies over the analyzer protocol.
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";
import { shareDeserializedProperties } from "./serve";

shareDeserializedProperties();

new PolicyPack("kamae", {
  policies,
  description: "AWS Config managed rules and Kamae's wiring checks, judged at preview time (see README.md for the catalog).",
  provider: "aws",
  tags: ["aws", "security", "kamae"],
});
