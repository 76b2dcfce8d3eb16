// Amazon ECS developer guide, "Retrieving Amazon ECS-optimized Linux AMI metadata": the recommended parameter holds a
// JSON document with image_id; a launch template and Auto Scaling group run the container instances.
import * as aws from "@pulumi/aws";

const recommended = aws.ssm.getParameterOutput({ name: "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended" });
const imageId = recommended.value.apply((json) => (JSON.parse(json) as { image_id: string }).image_id);

const cluster = new aws.ecs.Cluster("workers", { settings: [{ name: "containerInsights", value: "enabled" }] });

const instanceRole = new aws.iam.Role("ecs-instance-role", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ec2.amazonaws.com" }) });
new aws.iam.RolePolicyAttachment("ecs-instance-policy", { role: instanceRole.name, policyArn: "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role" });
new aws.iam.RolePolicyAttachment("ecs-instance-ssm", { role: instanceRole.name, policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" });
const profile = new aws.iam.InstanceProfile("ecs-instance-profile", { role: instanceRole.name });

const template = new aws.ec2.LaunchTemplate("ecs-workers", {
  imageId,
  instanceType: "m7g.large",
  iamInstanceProfile: { arn: profile.arn },
  metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 },
  userData: cluster.name.apply((name) => Buffer.from(`#!/bin/bash\necho ECS_CLUSTER=${name} >> /etc/ecs/ecs.config\n`).toString("base64")),
  blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 30, volumeType: "gp3" } }],
});

const group = new aws.autoscaling.Group("ecs-workers", {
  minSize: 1,
  maxSize: 4,
  vpcZoneIdentifiers: ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"],
  launchTemplate: { id: template.id, version: "$Latest" },
  tags: [{ key: "AmazonECSManaged", value: "true", propagateAtLaunch: true }],
});

const capacity = new aws.ecs.CapacityProvider("ecs-workers", {
  autoScalingGroupProvider: { autoScalingGroupArn: group.arn, managedScaling: { status: "ENABLED", targetCapacity: 90 } },
});
new aws.ecs.ClusterCapacityProviders("workers", { clusterName: cluster.name, capacityProviders: [capacity.name] });

export const ami = imageId;
