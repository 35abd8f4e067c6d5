import type { JsonObject } from '#kernel';
import type { GoldCall } from '../workload.types.js';
import { SEED_FAMILIES, ERROR_CODES, seedFamilyPlan, type SeedFamily } from './seed-family-plans.js';
import { intIn, pick, pickDistinct, seededRandom, type Rng } from './seeded-random.js';

/** One operation of the seed-family stream, with its gold plan. */
export interface SeedOperation {
  id: string;
  family: SeedFamily;
  /** The operation type (same as the family; matches OPERATION_TYPE_PATTERN). */
  type: SeedFamily;
  plugin: 'seed_families';
  params: JsonObject;
  plan: GoldCall[];
}

// Names from the seed's world (WSP 3 enterprise domains, its DAEs and plugins); segments match MODULE_SEGMENT_PATTERN.
const DOMAINS = [
  'communication',
  'platform_integration',
  'ai_intelligence',
  'infrastructure',
  'gamification',
  'development',
  'blockchain',
];
const MODULES = [
  'livechat',
  'youtube_proxy',
  'linkedin_agent',
  'x_twitter',
  'banter_engine',
  'priority_scorer',
  'auto_meeting_orchestrator',
  'stream_resolver',
  'token_manager',
  'chat_rules',
];
const AGENTS = [
  'holo_index',
  'qwen_advisor',
  'gemma_validator',
  'social_media_dae',
  'youtube_dae',
  'wsp_compliance_agent',
  'documentation_agent',
  'test_runner',
];
const GOALS = [
  'publish the weekly dev update',
  'triage open WSP violations',
  'refresh module documentation',
  'rotate expiring api credentials',
  'prepare release notes',
];
const PLUGINS = ['social_media', 'mlestar', 'block', 'youtube_proxy', 'linkedin_agent'];
const TASKS = ['post_update', 'sync_schedule', 'analyze_engagement', 'refresh_tokens', 'archive_logs'];

function paramsFor(family: SeedFamily, rng: Rng): JsonObject {
  switch (family) {
    case 'module_creation':
      return { domain: pick(rng, DOMAINS), name: pick(rng, MODULES) };
    case 'error_handling': {
      const domain = pick(rng, DOMAINS);
      const name = pick(rng, MODULES);
      return {
        module: `${domain}/${name}`,
        error_code: pick(rng, ERROR_CODES),
        log_path: `logs/${name}/2026-0${intIn(rng, 1, 9)}-1${intIn(rng, 0, 9)}.log`,
      };
    }
    case 'orchestration':
      return { agents: pickDistinct(rng, AGENTS, intIn(rng, 2, 4)), goal: pick(rng, GOALS) };
    case 'plugin_execution':
      return { plugin: pick(rng, PLUGINS), task: pick(rng, TASKS), priority: intIn(rng, 1, 5) };
  }
}

/**
 * A deterministic stream of `count` seed-family operations (same seed, same stream): families drawn uniformly,
 * params drawn from small seeded lists (so values repeat and vary like real traffic), gold plans with outputs.
 */
export function seedFamilyWorkload(count: number, seed: number): SeedOperation[] {
  const rng = seededRandom(seed);
  return Array.from({ length: count }, (_, i): SeedOperation => {
    const family = pick(rng, SEED_FAMILIES);
    const params = paramsFor(family, rng);
    return {
      id: `seed-${seed}#${i}`,
      family,
      type: family,
      plugin: 'seed_families',
      params,
      plan: seedFamilyPlan(family, params),
    };
  });
}
