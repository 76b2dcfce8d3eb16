// Every rule, one folder per AWS service (cdk-nag's layout), each rule's cases beside it. Keep in step with catalog.ts: a test checks.
import type { Rule } from "../model";
import { rules as apigateway } from "./apigateway";
import { rules as athena } from "./athena";
import { rules as autoscaling } from "./autoscaling";
import { rules as cloudfront } from "./cloudfront";
import { rules as cloudtrail } from "./cloudtrail";
import { rules as cloudwatch } from "./cloudwatch";
import { rules as codebuild } from "./codebuild";
import { rules as docdb } from "./docdb";
import { rules as dynamodb } from "./dynamodb";
import { rules as ec2 } from "./ec2";
import { rules as ecr } from "./ecr";
import { rules as ecs } from "./ecs";
import { rules as efs } from "./efs";
import { rules as eks } from "./eks";
import { rules as elasticache } from "./elasticache";
import { rules as elb } from "./elb";
import { rules as guardduty } from "./guardduty";
import { rules as iam } from "./iam";
import { rules as kamae } from "./kamae";
import { rules as kinesis } from "./kinesis";
import { rules as kms } from "./kms";
import { rules as lambda } from "./lambda";
import { rules as neptune } from "./neptune";
import { rules as opensearch } from "./opensearch";
import { rules as rds } from "./rds";
import { rules as redshift } from "./redshift";
import { rules as s3 } from "./s3";
import { rules as sagemaker } from "./sagemaker";
import { rules as securityhub } from "./securityhub";
import { rules as sns } from "./sns";
import { rules as sqs } from "./sqs";
import { rules as ssm } from "./ssm";
import { rules as stepfunctions } from "./stepfunctions";
import { rules as waf } from "./waf";

/** The rules of each service folder. */
export const rulesByService: Readonly<Record<string, readonly Rule[]>> = { apigateway, athena, autoscaling, cloudfront, cloudtrail, cloudwatch, codebuild, docdb, dynamodb, ec2, ecr, ecs, efs, eks, elasticache, elb, guardduty, iam, kamae, kinesis, kms, lambda, neptune, opensearch, rds, redshift, s3, sagemaker, securityhub, sns, sqs, ssm, stepfunctions, waf };

export const rules: readonly Rule[] = Object.values(rulesByService).flat();
