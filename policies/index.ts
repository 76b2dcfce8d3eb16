// The pack the engine runs (`pulumi preview --policy-pack policies`): serves Kamae's policies over the analyzer protocol.
// First, before @pulumi/policy loads the SDK.
import "./defer-sdk-modules";
import { PolicyPack } from "@pulumi/policy";
import { previewEntries } from "./catalog";
import { policies } from "./policies";
import { servedPolicies, shareDeserializedProperties } from "./serve";
import { flushCompileCache } from "../cli/compile-cache";

shareDeserializedProperties();
const typesOf = new Map(previewEntries.map((e) => [e.id, e.resourceTypes]));

new PolicyPack("kamae", {
  policies: servedPolicies(policies, (p) => typesOf.get(p.name)),
  description: "AWS Config managed rules and Kamae's wiring checks, judged at preview time (see README.md for the catalog).",
  provider: "aws",
  tags: ["aws", "security", "kamae"],
});

// Started by `kamae check` with a compile cache (NODE_COMPILE_CACHE), the pack is stopped by a signal, which skips the
// write Node.js does at exit: what it compiled on start is written now. Without a cache, nothing happens.
flushCompileCache();
