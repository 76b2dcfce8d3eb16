import { strict as assert } from "node:assert";
import { join } from "node:path";
import { ESLint } from "eslint";

// The lint rule that keeps runtime code free of Pulumi, run on code placed in runtime and infrastructure folders.
describe("runtime boundary lint", function () {
  this.timeout(120_000);
  const root = join(__dirname, "..", "..");
  const eslint = new ESLint({ cwd: root });

  async function boundaryMessages(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return result.messages.filter((m) => m.ruleId === "kamae/runtime-boundary").map((m) => m.message);
  }

  it("refuses @pulumi imports in a capability's lambda folder and in shared runtime folders", async () => {
    for (const file of ["components/waf-auto-block/lambda/x.ts", "components/shared/runtime/x.ts", "components/shared/net/x.ts"]) {
      const messages = await boundaryMessages(file, 'import * as pulumi from "@pulumi/pulumi";\nexport const x = pulumi;\n');
      assert.equal(messages.length, 1, file);
      assert.match(messages[0], /@pulumi\/pulumi/);
    }
  });

  it("refuses runtime imports of infrastructure modules, which would carry @pulumi into the bundle", async () => {
    const messages = await boundaryMessages(
      "components/waf-auto-block/lambda/x.ts",
      'import { WafAutoBlock } from "../index";\nimport { ResponderFunction } from "../../shared/infra/responder-function";\nexport const x = [WafAutoBlock, ResponderFunction];\n',
    );
    assert.equal(messages.length, 2);
  });

  it("allows runtime imports among runtime folders, and @pulumi in infrastructure code", async () => {
    assert.deepEqual(
      await boundaryMessages("components/waf-auto-block/lambda/x.ts", 'import { parseIp } from "../../shared/net/cidr";\nimport { plan } from "./plan";\nexport const x = [parseIp, plan];\n'),
      [],
    );
    assert.deepEqual(await boundaryMessages("components/waf-auto-block/index.ts", 'import * as pulumi from "@pulumi/pulumi";\nexport const x = pulumi;\n'), []);
  });
});
