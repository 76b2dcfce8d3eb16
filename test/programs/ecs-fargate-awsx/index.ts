// Pulumi's awsx ECS guide: a load balancer, a cluster and a Fargate service running nginx, all from awsx components.
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";

const lb = new awsx.lb.ApplicationLoadBalancer("web-lb");
const cluster = new aws.ecs.Cluster("web-cluster");

new awsx.ecs.FargateService("web", {
  cluster: cluster.arn,
  assignPublicIp: true,
  desiredCount: 2,
  taskDefinitionArgs: {
    container: {
      name: "nginx",
      image: "nginx:latest",
      cpu: 256,
      memory: 512,
      essential: true,
      portMappings: [{ containerPort: 80, targetGroup: lb.defaultTargetGroup }],
    },
  },
});

const repo = new awsx.ecr.Repository("web-images", { forceDelete: true });

export const url = lb.loadBalancer.dnsName;
export const repository = repo.url;
