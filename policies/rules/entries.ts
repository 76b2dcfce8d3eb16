// The catalog entries kept beside their rules (one entries.ts per service folder).
import type { CatalogEntry } from "../catalog";
import { entries as athena } from "./athena/entries";
import { entries as codebuild } from "./codebuild/entries";
import { entries as docdb } from "./docdb/entries";
import { entries as ecr } from "./ecr/entries";
import { entries as ecs } from "./ecs/entries";
import { entries as eks } from "./eks/entries";
import { entries as elasticache } from "./elasticache/entries";
import { entries as kinesis } from "./kinesis/entries";
import { entries as neptune } from "./neptune/entries";
import { entries as opensearch } from "./opensearch/entries";
import { entries as rds } from "./rds/entries";
import { entries as redshift } from "./redshift/entries";
import { entries as sagemaker } from "./sagemaker/entries";
import { entries as ssm } from "./ssm/entries";
import { entries as stepfunctions } from "./stepfunctions/entries";

export const ruleEntries: readonly CatalogEntry[] = [...athena, ...codebuild, ...docdb, ...ecr, ...ecs, ...eks, ...elasticache, ...kinesis, ...neptune, ...opensearch, ...rds, ...redshift, ...sagemaker, ...ssm, ...stepfunctions];
