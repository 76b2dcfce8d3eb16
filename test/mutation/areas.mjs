// The code that decides, by area, and the tests that reach it. Lambda handlers, clients and component wiring are
// left out: they do, they do not decide, and the component and emulator tests cover them.
// `floor`: the mutation score (%) the area's committed incremental report achieves, rounded down. `npm test` runs the
// areas that have one, incrementally, and fails when a change brings the area's score under it (StrykerJS
// thresholds.break). Raise it with the report that raises the score; an area without one (its report not complete
// yet) is left out of `npm test`.
const runtime = (folder) => `test/${folder}/!(component|policy-pack|least-privilege|feeder-settings|trusted-proxies).test.ts`;

export const areas = {
  policies: {
    floor: 91,
    mutate: ["policies/rules/**/*.ts", "!policies/rules/**/*.cases.ts", "!policies/rules/**/index.ts", "!policies/rules/cases.ts", "policies/{helpers,iam,s3,model,preview,judge,ecs,kamae}.ts"],
    tests: ["test/policies/rules.test.ts", "test/policies/log-target-sse-s3.test.ts", "test/policies/helpers.test.ts"],
  },
  parsers: {
    floor: 89,
    mutate: ["components/shared/events/*.ts", "!components/shared/events/index.ts", "components/shared/net/cidr.ts", "components/shared/runtime/gunzip.ts", "components/waf-auto-block/lambda/{log-parser,access-log,block-request}.ts"],
    // The WAF tests that reach the parsers directly: the writer's reach block-request parsing too; the feeder and
    // handler suites also cover it, but through whole Lambda runs that make every mutant cost seconds.
    tests: [
      "test/shared/events/*.test.ts",
      "test/shared/cidr*.test.ts",
      "test/shared/gunzip.test.ts",
      ...["access-log", "access-log-oracle", "log-parser", "block-request", "block-queue", "block-writer"].map((t) => `test/waf-auto-block/${t}.test.ts`),
    ],
  },
  responders: {
    floor: 94,
    mutate: [
      "components/guardduty-responder/lambda/routing.ts",
      "components/instance-isolation/lambda/{plan,intake,model}.ts",
      "components/malware-quarantine/lambda/plan.ts",
      "components/patch-on-finding/lambda/plan.ts",
      "components/traffic-mirror-feed/lambda/plan.ts",
      "components/api-activity-alerts/lambda/{filter,rules,record-splitter}.ts",
      "components/waf-auto-block/lambda/{block-store,block-writer,shard-plan,log-window,ip-set-writer}.ts",
    ],
    tests: [
      "test/guardduty-responder/routing.test.ts",
      runtime("instance-isolation"),
      runtime("malware-quarantine"),
      runtime("patch-on-finding"),
      runtime("traffic-mirror-feed"),
      runtime("api-activity-alerts"),
      runtime("waf-auto-block"),
    ],
  },
};
