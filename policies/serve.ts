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
