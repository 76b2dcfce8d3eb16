import { asg, INSTANCE, res, rolloutAssociation, ruleCases, tagged } from "../cases";

export default ruleCases({
    compliant: [
      { title: "instance tagged and rollout targets the tag", input: [res(INSTANCE, "bastion", { tags: { "kamae:agent-rollout": "true" } }), rolloutAssociation] },
      { title: "group propagating the tag", input: [asg("web", { tags: tagged({ "kamae:agent-rollout": "true" }) }), rolloutAssociation] },
      { title: "managed externally", input: [res(INSTANCE, "i", {})], config: { managedExternally: true } },
    ],
    violating: [
      { title: "no AgentRollout", input: [res(INSTANCE, "bastion", { tags: { "kamae:agent-rollout": "true" } })], about: "bastion" },
      { title: "instance without the tag", input: [res(INSTANCE, "bastion", { tags: { Name: "bastion" } }), rolloutAssociation], about: "bastion" },
    ],
  });
