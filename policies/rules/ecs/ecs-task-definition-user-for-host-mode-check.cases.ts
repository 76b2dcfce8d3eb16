import { settingCases, UNKNOWN } from "../cases";

export default settingCases("aws:ecs/taskDefinition:TaskDefinition", {
  compliant: { "host mode, non-root user": { networkMode: "host", ...{"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"user\":\"1000\"}]"} } },
  violating: { "host mode, no user": { networkMode: "host", ...{"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\"}]"} }, "host mode, user root:root": { networkMode: "host", ...{"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\",\"user\":\"root:root\"}]"} } },
  notApplicable: { "awsvpc mode as root": { networkMode: "awsvpc", ...{"containerDefinitions":"[{\"name\":\"app0\",\"image\":\"nginx\"}]"} } },
  unknown: { "host mode, definitions unknown": { networkMode: "host", containerDefinitions: UNKNOWN } },
});
