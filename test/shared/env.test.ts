import { strict as assert } from "node:assert";
import * as env from "../../components/shared/runtime/env";

describe("Lambda settings from environment variables", () => {
  it("reads typed values and falls back to defaults", () => {
    const e = { A: " x ", N: "42", B: "true", L: "a, b,,c", J: '{"k":1}', M: "detect" };
    assert.equal(env.requiredString("A", e), "x");
    assert.equal(env.integer("N", 1, { min: 0, max: 100 }, e), 42);
    assert.equal(env.integer("MISSING", 7, {}, e), 7);
    assert.equal(env.boolean("B", false, e), true);
    assert.deepEqual(env.list("L", e), ["a", "b", "c"]);
    assert.deepEqual(env.json("J", (v) => v as { k: number }, { k: 0 }, e), { k: 1 });
    assert.equal(env.oneOf("M", ["enforce", "detect"] as const, "enforce", e), "detect");
  });

  it("names the variable in every error", () => {
    assert.throws(() => env.requiredString("A", {}), /A is required/);
    assert.throws(() => env.integer("N", 1, {}, { N: "1.5" }), /N must be an integer/);
    assert.throws(() => env.integer("N", 1, { max: 10 }, { N: "11" }), /N must be <= 10/);
    assert.throws(() => env.boolean("B", true, { B: "yes" }), /B must be true or false/);
    assert.throws(() => env.json("J", (v) => v, null, { J: "{" }), /J must be JSON/);
    assert.throws(() => env.oneOf("M", ["enforce", "detect"] as const, "enforce", { M: "x" }), /M must be one of enforce, detect/);
    assert.throws(() => env.number("F", 1, { F: "abc" }), env.ConfigurationError);
  });
});
