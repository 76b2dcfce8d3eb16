// The catalog entries kept beside their rules (one entries.ts per service folder).
import type { CatalogEntry } from "../catalog";
import { entries as ecr } from "./ecr/entries";
import { entries as ecs } from "./ecs/entries";
import { entries as eks } from "./eks/entries";

export const ruleEntries: readonly CatalogEntry[] = [...ecr, ...ecs, ...eks];
