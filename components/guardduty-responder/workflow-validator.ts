/**
 * A structural check of an Amazon States Language definition, run by the component at construction time (so a broken
 * workflow fails `pulumi preview`) and by the tests: StartAt and every Next, Default and Catch target name a state;
 * every state is reachable from StartAt; non-terminal states say where to go; terminal states end; Choice, Parallel
 * and Map states are checked, branches recursively.
 */

const STATE_TYPES = new Set(["Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"]);

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function validateMachine(machine: unknown, where: string, errors: string[]): void {
  if (!isObject(machine)) {
    errors.push(`${where}: not an object`);
    return;
  }
  const states = machine.States;
  if (!isObject(states) || Object.keys(states).length === 0) {
    errors.push(`${where}: States is missing or empty`);
    return;
  }
  const names = new Set(Object.keys(states));
  const startAt = machine.StartAt;
  if (typeof startAt !== "string" || !names.has(startAt)) errors.push(`${where}: StartAt "${String(startAt)}" is not a state`);
  const edges = new Map<string, string[]>();
  const ends = new Set<string>();
  for (const [name, state] of Object.entries(states)) {
    const at = `${where}.${name}`;
    if (name.length > 80) errors.push(`${at}: state names are at most 80 characters`);
    if (!isObject(state)) {
      errors.push(`${at}: not an object`);
      continue;
    }
    const type = state.Type;
    if (typeof type !== "string" || !STATE_TYPES.has(type)) {
      errors.push(`${at}: Type "${String(type)}" is not a state type`);
      continue;
    }
    const targets: string[] = [];
    if (type === "Succeed" || type === "Fail" || state.End === true) ends.add(name);
    const target = (value: unknown, field: string) => {
      if (typeof value !== "string" || !names.has(value)) errors.push(`${at}: ${field} "${String(value)}" is not a state`);
      else targets.push(value);
    };
    const terminal = type === "Succeed" || type === "Fail";
    if (terminal) {
      if (state.Next !== undefined || state.End !== undefined) errors.push(`${at}: a ${type} state takes neither Next nor End`);
    } else if (type === "Choice") {
      if (!Array.isArray(state.Choices) || state.Choices.length === 0) errors.push(`${at}: Choices must be a non-empty list`);
      else state.Choices.forEach((c, i) => target(isObject(c) ? c.Next : undefined, `Choices[${i}].Next`));
      if (state.Default !== undefined) target(state.Default, "Default");
      if (state.End !== undefined || state.Next !== undefined) errors.push(`${at}: a Choice state takes neither Next nor End`);
    } else {
      const hasNext = state.Next !== undefined;
      const ends = state.End === true;
      if (hasNext && ends) errors.push(`${at}: has both Next and End`);
      if (!hasNext && !ends) errors.push(`${at}: has neither Next nor End: the execution would stop without a result`);
      if (hasNext) target(state.Next, "Next");
    }
    if (type === "Task" && (typeof state.Resource !== "string" || !state.Resource.startsWith("arn:"))) errors.push(`${at}: a Task needs a Resource ARN`);
    if (state.Catch !== undefined) {
      if (!["Task", "Parallel", "Map"].includes(type)) errors.push(`${at}: a ${type} state cannot Catch`);
      else if (!Array.isArray(state.Catch)) errors.push(`${at}: Catch must be a list`);
      else
        state.Catch.forEach((c, i) => {
          if (!isObject(c) || !Array.isArray(c.ErrorEquals) || c.ErrorEquals.length === 0) errors.push(`${at}: Catch[${i}] needs ErrorEquals`);
          target(isObject(c) ? c.Next : undefined, `Catch[${i}].Next`);
        });
    }
    if (state.Retry !== undefined && (!Array.isArray(state.Retry) || state.Retry.some((r) => !isObject(r) || !Array.isArray(r.ErrorEquals)))) {
      errors.push(`${at}: Retry must be a list of retriers with ErrorEquals`);
    }
    if (type === "Parallel") {
      if (!Array.isArray(state.Branches) || state.Branches.length === 0) errors.push(`${at}: Branches must be a non-empty list`);
      else state.Branches.forEach((b, i) => validateMachine(b, `${at}.Branches[${i}]`, errors));
    }
    if (type === "Map") validateMachine(state.ItemProcessor ?? state.Iterator, `${at}.ItemProcessor`, errors);
    edges.set(name, targets);
  }
  if (typeof startAt === "string" && names.has(startAt)) {
    const seen = new Set<string>([startAt]);
    const queue = [startAt];
    while (queue.length > 0) {
      for (const next of edges.get(queue.shift()!) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    for (const name of names) if (!seen.has(name)) errors.push(`${where}.${name}: not reachable from StartAt`);
  }
  // Every state must be able to reach an end: a loop with no way out would run until the execution times out.
  const finishing = new Set(ends);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, targets] of edges) {
      if (!finishing.has(name) && targets.some((t) => finishing.has(t))) {
        finishing.add(name);
        grew = true;
      }
    }
  }
  for (const name of edges.keys()) if (!finishing.has(name)) errors.push(`${where}.${name}: no path from it reaches an end state`);
}

/** Every problem found in a definition (empty when it is valid). */
export function validateStateMachine(definition: unknown): string[] {
  const errors: string[] = [];
  validateMachine(definition, "States", errors);
  return errors;
}
