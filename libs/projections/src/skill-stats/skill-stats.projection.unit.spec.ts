import { describe, it } from '@jest/globals';
import type { SkillRef } from '#domain';
import { executionOf } from '#domain/testing';
import { projectionSpec } from '#stores/read-model/testing';
import { SKILL_STATS } from './skill-stats.doc.js';
import { skillStatsProjection } from './skill-stats.projection.js';

const spec = projectionSpec(skillStatsProjection);
const constraints = { allowedTools: ['mkdir'], throttle: null };
const loaded: SkillRef = {
  name: 'tidy',
  agent: '0102',
  fallbackUsed: false,
  format: 'SKILL.md',
  contentHash: 'c1',
  instructionsHash: 'i1',
  constraints,
};
const fallback: SkillRef = { ...loaded, fallbackUsed: true, format: null, contentHash: null, fallbackReason: 'broken' };
const request = (skill: SkillRef) => ({ operationType: 'cleanup', plugin: 'cleaner', skill });

describe('skill-stats projection', () => {
  it('counts runs, outcomes and fallbacks, and keeps the constraints of the last run that loaded', async () => {
    const [a, b, c] = [executionOf('a'), executionOf('b'), executionOf('c')];
    await spec
      .given(a.requested(request(loaded)), a.succeeded())
      .when(
        c.skillLoadFailed('tidy', 'SKILL_YAML_INVALID'),
        b.requested(request({ ...fallback, constraints: { allowedTools: null, throttle: null } })),
        b.failed('TOOL_FAILED'),
        c.throttled({ ...request(loaded), ruleId: 'tidy/throttle', retryAfterMs: 5 }),
      )
      .then({
        [SKILL_STATS]: {
          tidy: {
            name: 'tidy',
            executions: 2,
            succeeded: 1,
            failed: 1,
            blocked: 0,
            throttled: 1,
            fallbacks: 1,
            loadFailures: 1,
            lastFailure: { code: 'SKILL_YAML_INVALID', reason: 'broken' },
            lastGood: { contentHash: 'c1', operationType: 'cleanup', plugin: 'cleaner', constraints },
          },
        },
        skill_stats_exec: {},
      });
  });
});
