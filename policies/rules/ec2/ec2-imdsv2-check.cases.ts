import { INSTANCE, judgedByAwsConfig, LT, res, ruleCases, UNKNOWN } from "../cases";

const cases = ruleCases({
  compliant: [
    { title: "instance", input: res(INSTANCE, "i", { metadataOptions: { httpTokens: "required" } }) },
    { title: "launch template", input: res(LT, "lt", { metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" } }) },
    { title: "tokens required whatever the unknown endpoint setting", input: res(INSTANCE, "i", { metadataOptions: { httpTokens: "required", httpEndpoint: UNKNOWN } }) },
    { title: "metadata endpoint disabled (no IMDS at all), tokens optional", input: res(INSTANCE, "i", { metadataOptions: { httpTokens: "optional", httpEndpoint: "disabled" } }) },
    { title: "launch template with the endpoint disabled, tokens unset", input: res(LT, "lt", { metadataOptions: { httpEndpoint: "disabled" } }) },
    { title: "endpoint disabled whatever the unknown tokens setting", input: res(LT, "lt", { metadataOptions: { httpTokens: UNKNOWN, httpEndpoint: "disabled" } }) },
  ],
  violating: [
    { title: "instance optional", input: res(INSTANCE, "i", { metadataOptions: { httpTokens: "optional" } }), about: "i" },
    { title: "launch template unset", input: res(LT, "lt", {}), about: "lt" },
    { title: "launch template optional with the endpoint enabled", input: res(LT, "lt", { metadataOptions: { httpTokens: "optional", httpEndpoint: "enabled" } }), about: "lt" },
    { title: "launch template with tokens unset but its endpoint enabled explicitly", input: res(LT, "lt", { metadataOptions: { httpEndpoint: "enabled" } }), about: "lt" },
  ],
  unknown: [
    { title: "httpTokens unknown in preview", input: res(INSTANCE, "i", { metadataOptions: { httpTokens: UNKNOWN } }), about: "i" },
    { title: "tokens optional but endpoint unknown (disabled would comply)", input: res(INSTANCE, "i", { metadataOptions: { httpTokens: "optional", httpEndpoint: UNKNOWN } }), about: "i" },
    { title: "metadataOptions unknown in preview", input: res(LT, "lt", { metadataOptions: UNKNOWN }), about: "lt" },
    { title: "instance leaves httpTokens to its AMI (imdsSupport v2.0 would require it)", input: res(INSTANCE, "al2023", { ami: "ami-0123456789abcdef0" }), about: "al2023" },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "instance": "COMPLIANT",
  "launch template": "COMPLIANT",
  "metadata endpoint disabled (no IMDS at all), tokens optional": { awsConfig: "NON_COMPLIANT", why: "With the metadata endpoint disabled no IMDSv1 request is answered, so the pack passes it; the Config rule reads only HttpTokens and flags optional." },
  "launch template with the endpoint disabled, tokens unset": { awsConfig: "NON_COMPLIANT", why: "The instances launched get HttpTokens optional with the endpoint disabled: the pack passes them (no IMDSv1 request is answered), the Config rule reads only HttpTokens and flags them." },
  "instance optional": "NON_COMPLIANT",
  "launch template unset": "NON_COMPLIANT",
  "launch template optional with the endpoint enabled": "NON_COMPLIANT",
  "launch template with tokens unset but its endpoint enabled explicitly": "NON_COMPLIANT",
});
