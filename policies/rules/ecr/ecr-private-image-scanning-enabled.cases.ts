import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const REPO = "aws:ecr/repository:Repository";
const SCAN = "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration";

const cases = ruleCases({
  compliant: [
    { title: "scan on push", input: [res(REPO, "app", { name: "app", imageScanningConfiguration: { scanOnPush: true } })] },
    { title: "registry rule with a wildcard filter", input: [res(REPO, "app", { name: "app" }), res(SCAN, "registry", { scanType: "ENHANCED", rules: [{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "ap*", filterType: "WILDCARD" }] }] })] },
  ],
  violating: [
    { title: "no scanning", input: [res(REPO, "app", { name: "app" })], about: "app" },
    { title: "registry rule for other repositories", input: [res(REPO, "app", { name: "app", imageScanningConfiguration: { scanOnPush: false } }), res(SCAN, "registry", { scanType: "BASIC", rules: [{ scanFrequency: "SCAN_ON_PUSH", repositoryFilters: [{ filter: "prod-*", filterType: "WILDCARD" }] }] })], about: "app" },
  ],
  notApplicable: [{ title: "no repositories", input: [res(SCAN, "registry", { scanType: "BASIC", rules: [] })] }],
  unknown: [{ title: "repository name unknown, registry rule present", about: "app", input: [res(REPO, "app", { name: UNKNOWN }), res(SCAN, "registry", { scanType: "ENHANCED", rules: [{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "app", filterType: "WILDCARD" }] }] })] }],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "scan on push": "COMPLIANT",
  "registry rule with a wildcard filter": "COMPLIANT",
  "no scanning": "NON_COMPLIANT",
  "registry rule for other repositories": "NON_COMPLIANT",
  "no repositories": "NOT_APPLICABLE",
});
