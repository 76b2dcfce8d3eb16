// Amazon EKS user guide, "Create a cluster" and "Create a managed node group": the cluster role, the node role with the
// three AWS managed policies, the cluster and one managed node group.
import * as aws from "@pulumi/aws";

const subnetIds = ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"];

const clusterRole = new aws.iam.Role("eks-cluster-role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "eks.amazonaws.com" }) });
new aws.iam.RolePolicyAttachment("eks-cluster-policy", { role: clusterRole.name, policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy" });

const cluster = new aws.eks.Cluster("platform", {
  roleArn: clusterRole.arn,
  version: "1.31",
  vpcConfig: { subnetIds, endpointPrivateAccess: true, endpointPublicAccess: true },
  accessConfig: { authenticationMode: "API" },
});

const nodeRole = new aws.iam.Role("eks-node-role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ec2.amazonaws.com" }) });
["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"].forEach(
  (policy) => new aws.iam.RolePolicyAttachment(`eks-node-${policy}`, { role: nodeRole.name, policyArn: `arn:aws:iam::aws:policy/${policy}` }),
);

new aws.eks.NodeGroup("platform-default", {
  clusterName: cluster.name,
  nodeRoleArn: nodeRole.arn,
  subnetIds,
  instanceTypes: ["m7g.large"],
  amiType: "AL2023_ARM_64_STANDARD",
  scalingConfig: { desiredSize: 2, minSize: 2, maxSize: 5 },
});

export const endpoint = cluster.endpoint;
