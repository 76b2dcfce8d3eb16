import { asg, INSTANCE, res, rolloutAssociation, ruleCases, tagged, UNKNOWN } from "../cases";

const association = (name: string, targets: unknown, parentTypes = ["kamae:index:AgentRollout"]) => res("aws:ssm/association:Association", name, { name: "AWS-ConfigureAWSPackage", targets }, { parentTypes });
const bastion = res(INSTANCE, "bastion", { tags: { "kamae:agent-rollout": "true" } });

export default ruleCases({
    compliant: [
      { title: "instance tagged and rollout targets the tag", input: [res(INSTANCE, "bastion", { tags: { "kamae:agent-rollout": "true" } }), rolloutAssociation] },
      { title: "group propagating the tag", input: [asg("web", { tags: tagged({ "kamae:agent-rollout": "true" }) }), rolloutAssociation] },
      { title: "managed externally", input: [res(INSTANCE, "i", {})], config: { managedExternally: true } },
      { title: "rollout targeting every managed instance (InstanceIds *)", input: [res(INSTANCE, "i", {}), association("all", [{ key: "InstanceIds", values: ["*"] }])] },
      { title: "rollout whose targets are unknown at preview", input: [res(INSTANCE, "i", {}), association("pending", UNKNOWN)] },
      { title: "rollout whose tag value is unknown at preview", input: [res(INSTANCE, "i", {}), association("pending", [{ key: "tag:kamae:agent-rollout", values: UNKNOWN }])] },
      { title: "rollout whose tag key is unknown at preview", input: [res(INSTANCE, "i", {}), association("pending", [{ key: UNKNOWN, values: ["true"] }])] },
    ],
    violating: [
      { title: "no AgentRollout", input: [res(INSTANCE, "bastion", { tags: { "kamae:agent-rollout": "true" } })], about: "bastion" },
      { title: "rollout naming instance ids, not every instance", input: [bastion, association("some", [{ key: "InstanceIds", values: ["i-0123456789abcdef0"] }])], about: "bastion" },
      { title: "rollout targeting the tag with another value", input: [bastion, association("other", [{ key: "tag:kamae:agent-rollout", values: ["false"] }])], about: "bastion" },
      { title: "rollout targeting a resource group, not a tag", input: [bastion, association("rg", [{ key: "resource-groups:Name", values: ["true"] }])], about: "bastion" },
      { title: "an association outside any AgentRollout targets the tag", input: [bastion, association("own", [{ key: "tag:kamae:agent-rollout", values: ["true"] }], [])], about: "bastion" },
      { title: "instance without the tag", input: [res(INSTANCE, "bastion", { tags: { Name: "bastion" } }), rolloutAssociation], about: "bastion" },
    ],
  });
