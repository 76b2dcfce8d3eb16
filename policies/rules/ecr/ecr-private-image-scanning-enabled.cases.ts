import { judgedByAwsConfig, res, ruleCases, UNKNOWN } from "../cases";

const REPO = "aws:ecr/repository:Repository";
const SCAN = "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration";

const app = (props: Record<string, unknown> = {}) => res(REPO, "app", { name: "app", ...props });
const registry = (rules: unknown) => res(SCAN, "registry", { scanType: "ENHANCED", rules });
const filtered = (filter: unknown) => registry([{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter, filterType: "WILDCARD" }] }]);

const cases = ruleCases({
  compliant: [
    { title: "scan on push", input: [res(REPO, "app", { name: "app", imageScanningConfiguration: { scanOnPush: true } })] },
    { title: "registry rule with a wildcard filter", input: [res(REPO, "app", { name: "app" }), res(SCAN, "registry", { scanType: "ENHANCED", rules: [{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "ap*", filterType: "WILDCARD" }] }] })] },
    { title: "registry rule whose filter has a dot, naming the repository", input: [res(REPO, "svc", { name: "team.svc" }), filtered("team.svc")] },
  ],
  violating: [
    { title: "registry rule whose filter has a dot, another repository", input: [res(REPO, "svc", { name: "team-svc" }), filtered("team.svc")], about: "svc" },
    { title: "no scanning", input: [res(REPO, "app", { name: "app" })], about: "app" },
    { title: "registry rule for other repositories", input: [res(REPO, "app", { name: "app", imageScanningConfiguration: { scanOnPush: false } }), res(SCAN, "registry", { scanType: "BASIC", rules: [{ scanFrequency: "SCAN_ON_PUSH", repositoryFilters: [{ filter: "prod-*", filterType: "WILDCARD" }] }] })], about: "app" },
  ],
  notApplicable: [{ title: "no repositories", input: [res(SCAN, "registry", { scanType: "BASIC", rules: [] })] }],
  unknown: [
    { title: "scan on push unknown", input: [app({ imageScanningConfiguration: { scanOnPush: UNKNOWN } })], about: "app" },
    { title: "scanning configuration unknown", input: [app({ imageScanningConfiguration: UNKNOWN })], about: "app" },
    { title: "registry rules unknown", input: [app(), registry(UNKNOWN)], about: "app" },
    { title: "a registry rule unknown", input: [app(), registry([UNKNOWN])], about: "app" },
    { title: "a registry rule's filters unknown", input: [app(), registry([{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: UNKNOWN }])], about: "app" },
    { title: "a registry filter unknown", input: [app(), registry([{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [UNKNOWN] }])], about: "app" },
    { title: "a registry filter's pattern unknown", input: [app(), filtered(UNKNOWN)], about: "app" },
    { title: "repository name unknown, registry rule present", about: "app", input: [res(REPO, "app", { name: UNKNOWN }), res(SCAN, "registry", { scanType: "ENHANCED", rules: [{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "app", filterType: "WILDCARD" }] }] })] },
  ],
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "scan on push": "COMPLIANT",
  "registry rule with a wildcard filter": "COMPLIANT",
  "no scanning": "NON_COMPLIANT",
  "registry rule for other repositories": "NON_COMPLIANT",
  "no repositories": "NOT_APPLICABLE",
  "registry rule whose filter has a dot, naming the repository": "COMPLIANT",
  "registry rule whose filter has a dot, another repository": "NON_COMPLIANT",
});
