import { res, ruleCases, UNKNOWN } from "../cases";

export default ruleCases({
    compliant: [
      { title: "function with the protection layer", input: [res("aws:lambda/function:Function", "api", { layers: ["arn:aws:lambda:us-east-1:123456789012:layer:ApplicationSecurity:3"] })] },
      { title: "opted out by tag", input: [res("aws:lambda/function:Function", "api", { tags: { "kamae:protection-opt-out": "true" } })] },
      { title: "layers unknown in preview", input: [res("aws:lambda/function:Function", "api", { layers: UNKNOWN })] },
      { title: "Kamae's own responder, left alone by default", input: [res("aws:lambda/function:Function", "responder", {}, { parentTypes: ["kamae:shared:ResponderFunction"] })] },
    ],
    violating: [
      { title: "no layers", input: [res("aws:lambda/function:Function", "api", {})], about: "api" },
      { title: "layer not in layerArns", input: [res("aws:lambda/function:Function", "api", { layers: ["arn:aws:lambda:us-east-1:123456789012:layer:ApplicationSecurity:3"] })], config: { layerArns: ["arn:aws:lambda:us-east-1:123456789012:layer:Other"] }, about: "api" },
      { title: "Kamae's own responder with includeKamaeResponders", input: [res("aws:lambda/function:Function", "responder", {}, { parentTypes: ["kamae:shared:ResponderFunction"] })], config: { includeKamaeResponders: true }, about: "responder" },
    ],
  });
