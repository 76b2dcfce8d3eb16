import { asg, INSTANCE, res, rolloutAssociation, ruleCases, tagged, UNKNOWN } from "../cases";

const association = (name: string, targets: unknown, parentTypes = ["kamae:index:AgentRollout"]) => res("aws:ssm/association:Association", name, { name: "AWS-ConfigureAWSPackage", targets }, { parentTypes });
const bastion = res(INSTANCE, "bastion", { tags: { "kamae:agent-rollout": "true" } });

export default ruleCases({
    unknown: [
      { title: "rollout whose targets are unknown at preview", input: [res(INSTANCE, "i", {}), association("pending", UNKNOWN)], about: "i", says: "whether an agent rollout targets its instances is unknown" },
      { title: "rollout whose tag value is unknown at preview", input: [res(INSTANCE, "i", {}), association("pending", [{ key: "tag:kamae:agent-rollout", values: UNKNOWN }])], about: "i" },
      { title: "rollout whose tag key is unknown at preview", input: [res(INSTANCE, "i", {}), association("pending", [{ key: UNKNOWN, values: ["true"] }])], about: "i" },
      { title: "instance tags unknown at preview", input: [res(INSTANCE, "i", { tags: UNKNOWN }), rolloutAssociation], about: "i" },
      { title: "instance ids, then a target unknown at preview", input: [bastion, association("pending", [{ key: "InstanceIds", values: ["i-0123456789abcdef0"] }, { key: "tag:kamae:agent-rollout", values: UNKNOWN }])], about: "bastion" },
    ],
    compliant: [
      { title: "instance tagged and rollout targets the tag", input: [res(INSTANCE, "bastion", { tags: { "kamae:agent-rollout": "true" } }), rolloutAssociation] },
      { title: "group propagating the tag", input: [asg("web", { tags: tagged({ "kamae:agent-rollout": "true" }) }), rolloutAssociation] },
      { title: "managed externally", input: [res(INSTANCE, "i", {})], config: { managedExternally: true } },
      { title: "rollout targeting every managed instance (InstanceIds *)", input: [res(INSTANCE, "i", {}), association("all", [{ key: "InstanceIds", values: ["*"] }])] },
      { title: "instance tags unknown at preview, a rollout targeting every managed instance", input: [res(INSTANCE, "i", { tags: UNKNOWN }), association("all", [{ key: "InstanceIds", values: ["*"] }])] },
      { title: "a rollout whose targets are unknown, next to one targeting the tag", input: [bastion, association("pending", UNKNOWN), rolloutAssociation] },
    ],
    violating: [
      { title: "no AgentRollout", input: [res(INSTANCE, "bastion", { tags: { "kamae:agent-rollout": "true" } })], about: "bastion", says: "the stack has no AgentRollout" },
      { title: "instance tags unknown at preview, a rollout targeting a resource group only", input: [res(INSTANCE, "i", { tags: UNKNOWN }), association("rg", [{ key: "resource-groups:Name", values: ["true"] }])], about: "i", says: "no AgentRollout targets its tags" },
      { title: "rollout naming instance ids, not every instance", input: [bastion, association("some", [{ key: "InstanceIds", values: ["i-0123456789abcdef0"] }])], about: "bastion" },
      { title: "rollout targeting the tag with another value", input: [bastion, association("other", [{ key: "tag:kamae:agent-rollout", values: ["false"] }])], about: "bastion" },
      { title: "rollout targeting a resource group, not a tag", input: [bastion, association("rg", [{ key: "resource-groups:Name", values: ["true"] }])], about: "bastion" },
      { title: "an association outside any AgentRollout targets the tag", input: [bastion, association("own", [{ key: "tag:kamae:agent-rollout", values: ["true"] }], [])], about: "bastion" },
      { title: "instance without the tag", input: [res(INSTANCE, "bastion", { tags: { Name: "bastion" } }), rolloutAssociation], about: "bastion" },
    ],
  });
