import { INSTANCE, LT, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "instance", input: res(INSTANCE, "i", { metadataOptions: { httpTokens: "required" } }) },
      { title: "launch template", input: res(LT, "lt", { metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" } }) },
    ],
    violating: [
      { title: "instance optional", input: res(INSTANCE, "i", { metadataOptions: { httpTokens: "optional" } }), about: "i" },
      { title: "launch template unset", input: res(LT, "lt", {}), about: "lt" },
    ],
  });
