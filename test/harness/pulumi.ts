import * as pulumi from "@pulumi/pulumi";
import { installOfflineMocks, OfflineMocks, RecordedResource } from "../../cli/offline-mocks";

export { OFFLINE_ACCOUNT_ID as ACCOUNT_ID, OFFLINE_REGION as REGION } from "../../cli/offline-mocks";
export type { RecordedResource };

let mocks: OfflineMocks | undefined;

/**
 * Installs fresh Pulumi mocks (no CLI, no engine, no credentials) that record every resource and answer invokes
 * realistically. Call in `beforeEach`, then construct the component under test.
 */
export async function useOfflineMocks(extraAnswers?: ConstructorParameters<typeof OfflineMocks>[0]): Promise<OfflineMocks> {
  // Update semantics: components' outputs resolve, as after `pulumi up`; `kamae check` itself runs as a preview.
  mocks = new OfflineMocks(extraAnswers, "update");
  // Installed as `kamae check` installs them, so resources carry the URNs (parent chains) a preview shows.
  await installOfflineMocks(pulumi, mocks, "kamae-test", "test");
  return mocks;
}

function current(): OfflineMocks {
  if (!mocks) throw new Error("call useOfflineMocks() first");
  return mocks;
}

/** Waits until every resource the program started registering has registered (registration is asynchronous). */
export async function settle(): Promise<RecordedResource[]> {
  let last = -1;
  let stable = 0;
  while (stable < 5) {
    await new Promise((r) => setTimeout(r, 5));
    const count = current().resources.length;
    stable = count === last ? stable + 1 : 0;
    last = count;
  }
  return current().resources;
}

/** The recorded resources, optionally of one type (`aws:iam/role:Role`). Call `settle()` first. */
export function resourcesOfType(type?: string): RecordedResource[] {
  return current().resources.filter((r) => type === undefined || r.type === type);
}

/** The one recorded resource with this logical name. */
export function resourceNamed(name: string): RecordedResource {
  const found = current().resources.filter((r) => r.name === name);
  if (found.length !== 1) throw new Error(`expected one resource named ${name}, found ${found.length}: ${current().resources.map((r) => r.name).join(", ")}`);
  return found[0];
}

/** The resolved value of an output (under mocks every output resolves). */
export function valueOf<T>(output: pulumi.Input<T>): Promise<T> {
  return new Promise((resolve) => pulumi.output(output).apply((v) => resolve(v as T)));
}

/** The IAM policy documents recorded for roles and policies, parsed. */
export function iamDocuments(): Array<{ resource: string; document: any }> {
  const docs: Array<{ resource: string; document: any }> = [];
  for (const r of current().resources) {
    const policy = r.state.policy ?? r.state.assumeRolePolicy;
    if (typeof policy === "string" && (r.type.startsWith("aws:iam/") || r.type === "aws:kms/key:Key")) {
      docs.push({ resource: r.name, document: JSON.parse(policy) });
    }
  }
  return docs;
}

/**
 * Constructs a program and waits for it to settle, returning why its deployment would fail: the messages of the
 * outputs that failed to resolve (an apply that throws rejects the registration of every resource that uses it).
 */
export async function deploymentErrors(program: () => void): Promise<string[]> {
  const errors = new Set<string>();
  const onRejection = (err: unknown) => errors.add(String(err instanceof Error ? err.message : err).replace(/^(error serializing property "[^"]+": )+/, ""));
  process.on("unhandledRejection", onRejection);
  try {
    program();
    await settle();
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.off("unhandledRejection", onRejection);
  }
  return [...errors];
}

/**
 * What a program builds on fresh mocks, resource by resource (type, name, inputs) in registration-independent order:
 * two forms of the same arguments (a list, the list as one output) must build exactly the same.
 */
export async function builtResources(program: () => void): Promise<Array<{ type: string; name: string; inputs: Record<string, any> }>> {
  await useOfflineMocks();
  program();
  const resources = await settle();
  // As plain JSON: the mocks' records of two runs differ in prototypes only.
  return JSON.parse(JSON.stringify(resources.map((r) => ({ type: r.type, name: r.name, inputs: r.inputs })).sort((a, b) => a.name.localeCompare(b.name))));
}

/** The message a component's construction refuses a plain value with: what the same value as an output must fail the deployment with. */
export function constructionRefusal(construct: () => void): string {
  try {
    construct();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("the plain value was accepted");
}
