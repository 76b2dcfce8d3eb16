import { judgedByAwsConfig, settingCases, UNKNOWN } from "../cases";

const cases = settingCases("aws:codebuild/project:Project", {
  compliant: { "plain URL": { "source": { "type": "BITBUCKET", "location": "https://bitbucket.org/team/repo.git" } } },
  violating: { "token in URL": { "source": { "type": "BITBUCKET", "location": "https://user:app-password@bitbucket.org/team/repo.git" } } },
  notApplicable: { "CodeCommit source": { "source": { "type": "CODECOMMIT", "location": "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/r" } } },
  unknown: { "location unknown": { "source": { "type": "GITHUB", "location": UNKNOWN } } },
});

// The AWS Config rule's verdicts on the deployed resources (test/policies/aws-config-agreement.test.ts).
export default judgedByAwsConfig(cases, {
  "plain URL": "COMPLIANT",
  "token in URL": "NON_COMPLIANT",
  "CodeCommit source": "NOT_APPLICABLE",
});
