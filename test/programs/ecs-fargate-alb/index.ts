// Amazon ECS developer guide, "Use an Application Load Balancer": cluster, task definition, service in two subnets,
// an internet-facing ALB with an HTTP listener forwarding to an IP target group.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const subnets = ["subnet-0aaa1111bbbb2222c", "subnet-0ddd3333eeee4444f"];
const vpcId = "vpc-0a1b2c3d4e5f67890";

const albSg = new aws.ec2.SecurityGroup("alb-sg", {
  vpcId,
  ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] }],
  egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
});
const taskSg = new aws.ec2.SecurityGroup("task-sg", { vpcId, egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });
new aws.vpc.SecurityGroupIngressRule("task-from-alb", { securityGroupId: taskSg.id, referencedSecurityGroupId: albSg.id, ipProtocol: "tcp", fromPort: 8080, toPort: 8080 });

const alb = new aws.lb.LoadBalancer("api-alb", { loadBalancerType: "application", subnets, securityGroups: [albSg.id], dropInvalidHeaderFields: true });
const targets = new aws.lb.TargetGroup("api-tg", { port: 8080, protocol: "HTTP", targetType: "ip", vpcId, healthCheck: { path: "/health" } });
new aws.lb.Listener("api-http", { loadBalancerArn: alb.arn, port: 80, protocol: "HTTP", defaultActions: [{ type: "forward", targetGroupArn: targets.arn }] });

const execRole = new aws.iam.Role("api-exec", { assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ecs-tasks.amazonaws.com" }) });
new aws.iam.RolePolicyAttachment("api-exec-policy", { role: execRole.name, policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" });
const logs = new aws.cloudwatch.LogGroup("api-logs", { retentionInDays: 14 });

const cluster = new aws.ecs.Cluster("api");
const task = new aws.ecs.TaskDefinition("api", {
  family: "api",
  cpu: "512",
  memory: "1024",
  networkMode: "awsvpc",
  requiresCompatibilities: ["FARGATE"],
  executionRoleArn: execRole.arn,
  containerDefinitions: pulumi.jsonStringify([
    {
      name: "api",
      image: "public.ecr.aws/docker/library/httpd:2.4",
      portMappings: [{ containerPort: 8080, protocol: "tcp" }],
      logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": logs.name, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "api" } },
    },
  ]),
});

new aws.ecs.Service("api", {
  cluster: cluster.arn,
  taskDefinition: task.arn,
  desiredCount: 2,
  launchType: "FARGATE",
  networkConfiguration: { subnets, securityGroups: [taskSg.id], assignPublicIp: false },
  loadBalancers: [{ targetGroupArn: targets.arn, containerName: "api", containerPort: 8080 }],
});

export const url = alb.dnsName;
