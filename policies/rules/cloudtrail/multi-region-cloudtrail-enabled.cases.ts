import { ruleCases, trail } from "../cases";

export default ruleCases({
    compliant: [
      { title: "multi-region trail", input: [trail("org")] },
      { title: "managed externally", input: [], config: { managedExternally: true } },
    ],
    violating: [
      { title: "no trail", input: [] },
      { title: "single-region trail", input: [trail("local", { isMultiRegionTrail: false })] },
    ],
  });
