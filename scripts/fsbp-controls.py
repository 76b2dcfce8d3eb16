# Builds policies/fsbp-controls.ts from Prowler's compliance files (checks shared between frameworks).
import json, re, sys
base = sys.argv[1]
L = lambda f: json.load(open(f"{base}/{f}"))["Requirements"]
fsbp = L("aws_foundational_security_best_practices_aws.json")
def index(reqs, key):
    m = {}
    for r in reqs:
        for c in r.get("Checks", []):
            m.setdefault(c, set()).add(key(r))
    return m
cis = index(L("cis_3.0_aws.json"), lambda r: r["Id"])
nist = index([r for r in L("nist_800_53_revision_5_aws.json") if re.match(r"^[A-Z]{2}-\d+", r["Name"])], lambda r: r["Name"].split(" ")[0])
pci = index(L("pci_4.0_aws.json"), lambda r: r["Id"])
def nat(s): return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", s)]
out = []
for r in fsbp:
    a = r["Attributes"][0]
    def col(m): return sorted({x for c in r["Checks"] for x in m.get(c, ())}, key=nat)
    out.append((r["Id"], r["Name"].rstrip("."), a["Severity"].lower(), col(cis), col(nist), col(pci)))
print("""/**
 * The 286 controls of AWS Security Hub's Foundational Security Best Practices (FSBP) standard: title, severity, and the
 * CIS AWS Foundations Benchmark v3.0, NIST SP 800-53 rev 5 and PCI DSS v4.0 requirements that judge the same thing.
 * Generated from Prowler 5.46.0's compliance data (Apache-2.0): a requirement of another framework maps to a control
 * when both are judged by the same Prowler check. Regenerate with scripts/fsbp-controls.py when the standard changes.
 */
export interface FsbpControl {
  readonly title: string;
  readonly severity: "low" | "medium" | "high" | "critical";
  readonly cis: readonly string[];
  readonly nist: readonly string[];
  readonly pci: readonly string[];
}

const c = (title: string, severity: FsbpControl["severity"], cis: string[], nist: string[], pci: string[]): FsbpControl => ({ title, severity, cis, nist, pci });

export const FSBP_CONTROLS: Readonly<Record<string, FsbpControl>> = {""")
for (i, t, s, c, n, p) in out:
    print(f"  {json.dumps(i)}: c({json.dumps(t)}, {json.dumps(s)}, {json.dumps(c)}, {json.dumps(n)}, {json.dumps(p)}),")
print("};")
