import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "detector", input: [res("aws:guardduty/detector:Detector", "gd", { enable: true })] },
      { title: "external", input: [], config: { managedExternally: true } },
    ],
    violating: [
      { title: "none", input: [] },
      { title: "disabled detector", input: [res("aws:guardduty/detector:Detector", "gd", { enable: false })] },
    ],
  });
