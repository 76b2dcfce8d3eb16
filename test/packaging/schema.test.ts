import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import type { PackageSpec } from "@pulumi/pulumi/provider/experimental/schema";
import ts from "typescript";
import * as kamae from "../../components";
import { inferSchema, readmeOf, renderComponentTables, tableEnd, tableStart, withComponentTables } from "../../scripts/component-tables";

// Multi-language use (`pulumi package add`): Pulumi infers the package schema from the exported component classes and
// their args interfaces. Every component must have the token kamae:index:<Class> and args in the shapes the inference
// accepts: no enums, no unions of object types (discriminated unions), no resource or component references, no
// functions (our own walk over the TypeScript types); and Pulumi's own analyzer must accept every component, which
// also rules out inline string unions (a named `as const` object with a same-named type instead), `readonly T[]`
// (`T[]`) and inline object types (a named interface).
const root = join(__dirname, "..", "..");
const entry = join(root, "components", "index.ts");
const fixture = join(__dirname, "fixtures", "rejected-args.ts");

function loadProgram(): ts.Program {
  const configPath = join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram({ rootNames: [entry, fixture], options: { ...parsed.options, noEmit: true } });
}

interface ExportedComponent {
  readonly name: string;
  readonly declaration: ts.ClassDeclaration;
}

function isPulumiResourceClass(type: ts.Type, checker: ts.TypeChecker): boolean {
  return checker.getPropertyOfType(type, "urn") !== undefined && checker.getPropertyOfType(type, "getProvider") !== undefined;
}

function extendsComponentResource(decl: ts.ClassDeclaration, checker: ts.TypeChecker): boolean {
  let type = checker.getTypeAtLocation(decl) as ts.InterfaceType;
  for (;;) {
    const bases = checker.getBaseTypes(type);
    if (bases.length === 0) return false;
    type = bases[0] as ts.InterfaceType;
    const symbol = type.getSymbol();
    if (symbol?.getName() === "ComponentResource" && symbol.declarations?.some((d) => d.getSourceFile().fileName.includes("@pulumi/pulumi"))) return true;
  }
}

function exportedComponents(program: ts.Program): ExportedComponent[] {
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const found: ExportedComponent[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.declarations?.find(ts.isClassDeclaration);
    if (decl && extendsComponentResource(decl, checker)) found.push({ name: exported.getName(), declaration: decl });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** The first argument of the constructor's `super(...)` call, when it is a string literal. */
function superToken(decl: ts.ClassDeclaration): string | undefined {
  const ctor = decl.members.find(ts.isConstructorDeclaration);
  let token: string | undefined;
  const visit = (node: ts.Node): void => {
    if (token !== undefined) return;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
      const first = node.arguments[0];
      if (first && ts.isStringLiteralLike(first)) token = first.text;
      return;
    }
    ts.forEachChild(node, visit);
  };
  if (ctor?.body) visit(ctor.body);
  return token;
}

const WRAPPERS = new Set(["Promise", "OutputInstance", "Output", "Input"]);

/** Problems of one args type for schema inference, with the property path of each. */
function argsProblems(type: ts.Type, path: string, checker: ts.TypeChecker, seen: Set<ts.Type>): string[] {
  if (seen.has(type)) return [];
  seen.add(type);
  if (type.flags & (ts.TypeFlags.Enum | ts.TypeFlags.EnumLiteral)) return [`${path}: enum ${checker.typeToString(type)}`];
  if (type.isUnion()) {
    // Input<T> = T | Promise<T> | OutputInstance<T>; optional adds undefined.
    const members = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) && !WRAPPERS.has(t.getSymbol()?.getName() ?? ""));
    const enums = members.filter((t) => t.flags & ts.TypeFlags.EnumLiteral);
    if (enums.length > 0) return [`${path}: enum ${checker.typeToString(type)}`];
    const objects = members.filter((t) => t.flags & ts.TypeFlags.Object && !checker.isArrayType(t) && !checker.isTupleType(t));
    const arrays = members.filter((t) => checker.isArrayType(t));
    if (objects.length > 1) return [`${path}: union of object types ${checker.typeToString(type)}`];
    const problems: string[] = [];
    for (const t of [...objects, ...arrays]) problems.push(...argsProblems(t, path, checker, seen));
    return problems;
  }
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    return checker.getTypeArguments(type as ts.TypeReference).flatMap((t) => argsProblems(t, `${path}[]`, checker, seen));
  }
  if (!(type.flags & ts.TypeFlags.Object)) return [];
  if (isPulumiResourceClass(type, checker)) return [`${path}: resource reference ${checker.typeToString(type)} (pass its ARN or id)`];
  if (type.getCallSignatures().length > 0) return [`${path}: function ${checker.typeToString(type)}`];
  const problems: string[] = [];
  const index = checker.getIndexInfosOfType(type);
  for (const info of index) problems.push(...argsProblems(info.type, `${path}{}`, checker, seen));
  for (const prop of checker.getPropertiesOfType(type)) {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    if (!decl) continue;
    problems.push(...argsProblems(checker.getTypeOfSymbolAtLocation(prop, decl), `${path}.${prop.getName()}`, checker, seen));
  }
  return problems;
}

describe("multi-language schema of the exported components", function () {
  this.timeout(180_000);
  let program: ts.Program;
  let components: ExportedComponent[];

  before(() => {
    program = loadProgram();
    components = exportedComponents(program);
  });

  it("finds the exported component classes", () => {
    assert.ok(components.length >= 10, `found only ${components.map((c) => c.name).join(", ")}`);
    for (const name of ["InstanceIsolation", "AutoHealingGroup", "MalwareQuarantine", "QuarantineBucket", "SecurityBaseline"]) {
      assert.ok(components.some((c) => c.name === name), `${name} is not exported from components/index.ts`);
    }
  });

  it("gives every component the token kamae:index:<ClassName>", () => {
    const wrong = components.map((c) => [c.name, superToken(c.declaration)]).filter(([name, token]) => token !== `kamae:index:${name}`);
    assert.deepEqual(wrong, []);
  });

  it("takes args as an exported interface named `args`, with no enums, object unions, resource references or functions", () => {
    const checker = program.getTypeChecker();
    const exportedNames = new Set(checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!).map((s) => s.getName()));
    const problems: string[] = [];
    for (const c of components) {
      const ctors = c.declaration.members.filter(ts.isConstructorDeclaration);
      const args = ctors[0]?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === "args");
      if (ctors.length !== 1 || !args?.type) {
        problems.push(`${c.name}: needs exactly one constructor with a typed \`args\` parameter`);
        continue;
      }
      const type = checker.getTypeAtLocation(args.type);
      const symbol = type.getSymbol();
      if (!symbol || !(symbol.flags & ts.SymbolFlags.Interface)) {
        problems.push(`${c.name}: args type ${checker.typeToString(type)} is not an interface`);
        continue;
      }
      if (!exportedNames.has(symbol.getName())) problems.push(`${c.name}: args interface ${symbol.getName()} is not exported from the package entry`);
      problems.push(...argsProblems(type, symbol.getName(), checker, new Set()).map((p) => `${c.name}: ${p}`));
    }
    assert.deepEqual(problems, []);
  });

  it("reports every rejected shape (the walk itself, on a fixture)", () => {
    // The fixture is a root of the package program: one parse and one checker serve both (a second program took 30 s).
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(fixture)!)!;
    const args = checker.getExportsOfModule(moduleSymbol).find((s) => s.getName() === "RejectedArgs")!;
    const problems = argsProblems(checker.getDeclaredTypeOfSymbol(args), "RejectedArgs", checker, new Set());
    assert.deepEqual(
      problems.map((p) => p.replace(/^(\S+: (enum|union of object types|resource reference|function)) .*$/, "$1")),
      ["RejectedArgs.color: enum", "RejectedArgs.target: union of object types", "RejectedArgs.bucket: resource reference", "RejectedArgs.onEvent: function"],
    );
  });

  describe("Pulumi's own schema inference", () => {
    let schema: PackageSpec;
    let entryExports: Set<string>;

    before(() => {
      const checker = program.getTypeChecker();
      entryExports = new Set(checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!).map((s) => s.getName()));
      // Throws at the first property it cannot map, naming the component and the property.
      schema = inferSchema(components.map((c) => c.name));
    });

    it("finds the TypeScript entry the way `pulumi package add` does (package.json main/exports name dist/, so the root index.ts)", () => {
      const file = join(root, "index.ts");
      assert.ok(existsSync(file), "no root index.ts: the analyzer finds no TypeScript entry point");
      const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022);
      const reexports = source.statements.filter(ts.isExportDeclaration).map((d) => (d.moduleSpecifier as ts.StringLiteral | undefined)?.text);
      assert.deepEqual(reexports, ["./components"]);
    });

    it("accepts every exported component, each as the component resource kamae:index:<Class>", () => {
      assert.deepEqual(Object.keys(schema.resources).sort(), components.map((c) => `kamae:index:${c.name}`).sort());
      for (const [token, resource] of Object.entries(schema.resources)) assert.equal(resource.isComponent, true, `${token} is not a component`);
    });

    it("finds the same components the plugin host constructs (the package's exported ComponentResource classes)", () => {
      const runtime = getPulumiComponents(kamae).map((c) => c.name).sort();
      assert.deepEqual(runtime, components.map((c) => c.name).sort());
    });

    it("names every schema type after a type exported from the package (one namespace: no two args types may share a name)", () => {
      const types = Object.keys(schema.types).map((t) => t.replace(/^kamae:index:/, ""));
      assert.ok(types.length > 0);
      assert.deepEqual(types.filter((t) => !entryExports.has(t)), []);
    });

    it("turns each named string union into an enum with exactly the names and values of its exported const object", () => {
      const runtime = kamae as Record<string, unknown>;
      const enums = Object.entries(schema.types).filter(([, t]) => t.enum);
      assert.ok(enums.some(([token]) => token === "kamae:index:EnforcementMode"), "EnforcementMode is not an enum of the schema");
      for (const [token, type] of enums) {
        const name = token.replace(/^kamae:index:/, "");
        const values = runtime[name];
        assert.ok(values && typeof values === "object", `${name} has no exported const object`);
        // The analyzer lists members in TypeScript's union order, not the object's key order.
        const byName = (a: [string, unknown], b: [string, unknown]) => a[0].localeCompare(b[0]);
        assert.deepEqual(type.enum!.map((e): [string, unknown] => [e.name, e.value]).sort(byName), Object.entries(values).sort(byName), `${name}: schema enum and const object differ`);
      }
    });

    it("maps args properties to schema inputs: plain values plain, named unions as enum references, required ones required", () => {
      const isolation = schema.resources["kamae:index:InstanceIsolation"].inputProperties!;
      assert.equal((isolation.mode as { $ref?: string }).$ref, "#/types/kamae:index:EnforcementMode");
      assert.equal(isolation.mode.plain, true);
      // A list of inputs that may itself be an output (`[role.name]` or a stack reference's list).
      assert.deepEqual([isolation.instanceRoleNames.plain, isolation.instanceRoleNames.items], [undefined, { type: "string" }]);
      // A label map's values are inputs (a VPC created in the same program), its keys plain.
      assert.deepEqual(isolation.isolationVpcIds.additionalProperties, { type: "string" });
      const member = schema.resources["kamae:index:MemberAccountAccess"];
      assert.deepEqual(member.inputProperties!.responders.items, { $ref: "#/types/kamae:index:CentralResponder", plain: true });
      assert.ok(member.requiredInputs!.includes("responders") && member.requiredInputs!.includes("centralAccountId"));
      const lock = schema.types["kamae:index:ObjectLockArgs"];
      assert.deepEqual(Object.keys(lock.properties!).sort(), ["days", "mode"]);
      assert.deepEqual(lock.required?.sort(), ["days", "mode"]);
    });

    it("carries the current args and outputs tables in every component README (regenerate with `npm run readme:tables`)", () => {
      const byReadme = new Map<string, string[]>();
      for (const c of components) byReadme.set(readmeOf(c.name), [...(byReadme.get(readmeOf(c.name)) ?? []), c.name]);
      for (const [file, names] of byReadme) {
        const readme = readFileSync(file, "utf8");
        for (const name of names) assert.ok(readme.includes(tableStart(name)) && readme.includes(tableEnd(name)), `${file} lacks the markers of ${name}`);
        assert.equal(withComponentTables(readme, schema, names), readme, `${file}: stale args or outputs table: run \`npm run readme:tables\``);
      }
    });

    it("renders every documented arg and output, and goes stale when a JSDoc or an arg changes", () => {
      const isolation = renderComponentTables(schema, "InstanceIsolation");
      for (const name of ["mode", "deepSecurity", "publisherArns", "maxIsolations", "emails", "functionArn", "isolationSecurityGroupIds"]) {
        assert.ok(isolation.includes(`| \`${name}\` |`), `${name} missing`);
      }
      assert.match(isolation, /\| `mode` \| `"enforce" \\\| "detect"` \| "detect" \(default\)/);
      assert.match(isolation, /\| `externalId` \| `Input<string>`, required \|/);
      const readme = readFileSync(readmeOf("InstanceIsolation"), "utf8");
      const changed = structuredClone(schema);
      const resource = changed.resources["kamae:index:InstanceIsolation"];
      resource.inputProperties!.snapshots.description = "Another meaning.";
      assert.notEqual(withComponentTables(readme, changed, ["InstanceIsolation"]), readme);
      const added = structuredClone(schema);
      added.resources["kamae:index:InstanceIsolation"].inputProperties!.newArg = { type: "string", plain: true };
      assert.notEqual(withComponentTables(readme, added, ["InstanceIsolation"]), readme);
    });
  });
});
