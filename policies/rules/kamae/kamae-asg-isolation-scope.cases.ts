import { asg, LT, res, ruleCases, tagged, UNKNOWN } from "../cases";

export default ruleCases({
  unknown: [
    { title: "target groups unknown at preview, untagged (it may be behind a load balancer)", input: [asg("web", { targetGroupArns: UNKNOWN }), res("kamae:index:InstanceIsolation", "iso", {})], about: "web", says: "whether it is behind a load balancer" },
    { title: "the group's tags from an unknown output", input: [asg("web", { targetGroupArns: ["tg"], tags: UNKNOWN }), res("kamae:index:InstanceIsolation", "iso", {})], about: "web" },],
    compliant: [
      { title: "target groups unknown at preview, tagged, with InstanceIsolation", input: [asg("web", { targetGroupArns: UNKNOWN, tags: tagged({ "kamae:isolation-scope": "true" }) }), res("kamae:index:InstanceIsolation", "iso", {})] },
      { title: "target groups the program left unset (a computed output that depends on nothing)", input: [{ ...asg("web", { targetGroupArns: UNKNOWN }), propertyDependencies: { targetGroupArns: [] } }] },
      { title: "tagged group and InstanceIsolation", input: [asg("web", { targetGroupArns: ["tg"], tags: tagged({ "kamae:isolation-scope": "true" }) }), res("kamae:index:InstanceIsolation", "iso", {})] },
      { title: "scope tag from the launch template", input: [asg("web", { targetGroupArns: ["tg"], launchTemplate: { id: "lt-0abc" } }), res(LT, "web-lt", { id: "lt-0abc", tagSpecifications: [{ resourceType: "instance", tags: { "kamae:isolation-scope": "true" } }] }), res("kamae:index:InstanceIsolation", "iso", {})] },
      { title: "group not behind a load balancer", input: [asg("batch", {})] },
    ],
    violating: [
      { title: "untagged group behind a load balancer", input: [asg("web", { targetGroupArns: ["tg"] }), res("kamae:index:InstanceIsolation", "iso", {})], about: "web" },
      { title: "tagged but no InstanceIsolation", input: [asg("web", { targetGroupArns: ["tg"], tags: tagged({ "kamae:isolation-scope": "true" }) })], about: "web" },
      { title: "attached through autoscaling.Attachment, tag not propagated", input: [asg("web", { name: "web-asg", tags: [{ key: "kamae:isolation-scope", value: "true", propagateAtLaunch: false }] }), res("aws:autoscaling/attachment:Attachment", "web-tg", { autoscalingGroupName: "web-asg", lbTargetGroupArn: "tg" }), res("kamae:index:InstanceIsolation", "iso", {})], about: "web" },
    ],
  });
