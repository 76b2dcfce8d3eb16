/**
 * How the pack's process serves its policies. @pulumi/policy deserializes a resource's properties from the request
 * once per policy it runs (191 resource policies for every Analyze call, 38 stack policies for every resource in
 * AnalyzeStack): that was most of the pack's time. Every policy of this pack only reads them (rules work on
 * `plainProperties` copies), so each request's properties are deserialized once and shared; each policy still gets
 * its own unknown-checking proxy.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module the policy server calls through
const deserialize = require("@pulumi/policy/deserialize") as { deserializeProperties(struct: object, proxySecrets: boolean): Record<string, unknown> };

export function shareDeserializedProperties(): void {
  const once = deserialize.deserializeProperties;
  // Keyed by the request's Struct: freed with the request.
  const deserialized = new WeakMap<object, Record<string, unknown>>();
  deserialize.deserializeProperties = (struct, proxySecrets) => {
    // Remediations get secrets behind a proxy of their own: not shared.
    if (proxySecrets) return once(struct, proxySecrets);
    let props = deserialized.get(struct);
    if (!props) deserialized.set(struct, (props = once(struct, false)));
    return props;
  };
}

type AnalyzeHandler = (call: { request: { getType(): string } }, callback: unknown) => unknown;
type GrpcServer = { prototype: { addService(service: object, implementation: Record<string, unknown>): void } };

/**
 * The policy list to give the PolicyPack. @pulumi/policy's Analyze walks every resource policy for every resource, and
 * builds each one's arguments (options, provider, proxies) before ours returns for a type it does not judge: on a large
 * program that walk was a fifth of the check's time. While an Analyze call starts, this list yields only the policies
 * that judge the resource's type (and any that name no types); the others found nothing there and are not asked, so
 * the response is the same. (Marking each policy with its type, as `validateResourceOfType` does, makes the library
 * answer "not applicable" for every other policy instead: 160 entries a resource, which cost more than they saved.)
 * The first call walks them all, so a config key a policy does not take still fails the first resource analyzed.
 * Anywhere else (AnalyzeStack, Remediate, GetAnalyzerInfo) the list is whole.
 */
export function servedPolicies<P extends object>(policies: readonly P[], typesOf: (policy: P) => readonly string[] | undefined): P[] {
  const byType = new Map<string, P[]>();
  const judging = (type: string) => {
    let list = byType.get(type);
    if (!list) byType.set(type, (list = policies.filter((p) => typesOf(p)?.includes(type) ?? true)));
    return list;
  };
  // The type of the request whose Analyze handler is starting: its walk begins before its first await.
  let analyzing: string | undefined;
  let firstCall = true;
  const served = [...policies];
  Object.defineProperty(served, Symbol.iterator, {
    value: () => {
      const type = analyzing;
      analyzing = undefined;
      return (type === undefined || firstCall ? policies : judging(type))[Symbol.iterator]();
    },
  });
  const server = grpcServerOfPolicyLibrary();
  const addService = server.prototype.addService;
  server.prototype.addService = function (service, implementation) {
    server.prototype.addService = addService;
    const analyze = implementation.analyze as AnalyzeHandler | undefined;
    if (typeof analyze !== "function") return addService.call(this, service, implementation);
    const byTypeAnalyze: AnalyzeHandler = function (this: unknown, call, callback) {
      analyzing = call.request.getType();
      try {
        return analyze.call(this, call, callback);
      } finally {
        analyzing = undefined;
        firstCall = false;
      }
    };
    return addService.call(this, service, { ...implementation, analyze: byTypeAnalyze });
  };
  return served;
}

function grpcServerOfPolicyLibrary(): GrpcServer {
  const library = require.resolve("@pulumi/policy/server");
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the gRPC module @pulumi/policy serves with
  return (require(require.resolve("@grpc/grpc-js", { paths: [library] })) as { Server: GrpcServer }).Server;
}
