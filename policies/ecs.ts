/** ECS task definitions: their container definitions are one JSON text input, judged container by container. */
import { json, Judgement } from "./judge";
import { isUnknown, UNKNOWN } from "./model";

/** The container definitions; UNKNOWN while the JSON holds an unknown output (an image URL from a new repository). */
export function containerDefinitions(props: Record<string, any>): any[] | typeof UNKNOWN {
  const defs = json(props.containerDefinitions);
  if (isUnknown(defs)) return UNKNOWN;
  return Array.isArray(defs) ? defs.filter((d) => d && typeof d === "object") : [];
}

/** Judges each container; names the containers that fail. */
export function eachContainer(props: Record<string, any>, fails: (c: any) => boolean, what: string): Judgement {
  const defs = containerDefinitions(props);
  if (isUnknown(defs)) return UNKNOWN;
  const bad = defs.filter(fails).map((c) => c.name ?? "(unnamed)");
  return bad.length ? `container ${bad.join(", ")} ${what}` : undefined;
}
