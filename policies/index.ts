// The pack the engine runs (`pulumi preview --policy-pack policies`): serves Kamae's policies over the analyzer protocol.
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";
import { shareDeserializedProperties } from "./serve";
import { flushCompileCache } from "../cli/compile-cache";

shareDeserializedProperties();

new PolicyPack("kamae", {
  policies,
  description: "AWS Config managed rules and Kamae's wiring checks, judged at preview time (see README.md for the catalog).",
  provider: "aws",
  tags: ["aws", "security", "kamae"],
});

// Started by `kamae check` with a compile cache (NODE_COMPILE_CACHE), the pack is stopped by a signal, which skips the
// write Node.js does at exit: what it compiled on start is written now. Without a cache, nothing happens.
flushCompileCache();
