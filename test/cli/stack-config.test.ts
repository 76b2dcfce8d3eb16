import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readStackConfig } from "../../cli/program";

/** A stack config file in a temporary folder, read as `kamae check` hands it to the program. */
function read(yaml: string, file = "Pulumi.dev.yaml") {
  const dir = mkdtempSync(join(tmpdir(), "kamae-stack-config-"));
  try {
    writeFileSync(join(dir, file), yaml);
    return readStackConfig(join(dir, file), "shop");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("readStackConfig: Pulumi.<stack>.yaml as the engine hands it to the program", () => {
  it("namespaces bare keys with the project, keeps structured values as JSON and takes the stack from the file name", () => {
    const { stack, config, secretKeys } = read("config:\n  aws:region: eu-west-1\n  size: 3\n  tags:\n    team: web\n");
    assert.equal(stack, "dev");
    assert.deepEqual(config, { "aws:region": "eu-west-1", "shop:size": "3", "shop:tags": '{"team":"web"}' });
    assert.deepEqual(secretKeys, []);
  });

  it("marks a secret value secret, with a placeholder (it cannot be decrypted offline)", () => {
    const { config, secretKeys } = read("config:\n  shop:apiKey:\n    secure: v1:AAAABBBBCCCC\n");
    assert.deepEqual(config, { "shop:apiKey": "offline-secret-placeholder" });
    assert.deepEqual(secretKeys, ["shop:apiKey"]);
  });

  it("marks a structured value holding a secret anywhere inside it secret, the secret replaced by the placeholder, the rest kept", () => {
    const { config, secretKeys } = read(
      ["config:", "  db:", "    user: admin", "    password:", "      secure: v1:AAAABBBBCCCC", "  endpoints:", "    - url: https://a.example.com", "      token:", "        secure: v1:DDDDEEEE", "  plain:", "    nested:", "      value: 1", ""].join("\n"),
    );
    assert.deepEqual(JSON.parse(config["shop:db"]), { user: "admin", password: "offline-secret-placeholder" });
    assert.deepEqual(JSON.parse(config["shop:endpoints"]), [{ url: "https://a.example.com", token: "offline-secret-placeholder" }]);
    assert.deepEqual(JSON.parse(config["shop:plain"]), { nested: { value: 1 } });
    assert.deepEqual(secretKeys.sort(), ["shop:db", "shop:endpoints"]);
  });
});
