import { describe, expect, it } from '@jest/globals';
import { executionStream, type SkillRef } from '#domain';
import { executionOf } from '#domain/testing';
import { projectionSpec } from '#stores/read-model/testing';
import { inTenants } from '../testing/in-tenants.fixture.js';
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
const [a, b, c] = [executionOf('a'), executionOf('b'), executionOf('c')];

describe('skill-stats projection', () => {
  it('counts runs, outcomes and fallbacks, and keeps the constraints of the last run that loaded', async () => {
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
          // projectionSpec records no tenant: history from before tenants counts for `default`.
          'default/tidy': {
            tenant: 'default',
            name: 'tidy',
            executions: 2,
            succeeded: 1,
            failed: 1,
            blocked: 0,
            throttled: 1,
            fallbacks: 1,
            loadFailures: 1,
            lastFailure: { code: 'SKILL_YAML_INVALID', reason: 'broken', position: '00000000000000000003' },
            lastGood: {
              contentHash: 'c1',
              operationType: 'cleanup',
              plugin: 'cleaner',
              constraints,
              position: '00000000000000000006',
            },
          },
        },
        skill_stats_exec: {},
      });
  });

  it('keeps each tenant its own outcomes, counting an end for the tenant of the request', async () => {
    const requester: Record<string, string> = { [executionStream('a')]: 'acme', [executionStream('b')]: 'globex' };
    // The ends carry no tenant (as the service may write them): they count for whoever requested the run.
    const tenants = inTenants(skillStatsProjection, (event) =>
      event.type.startsWith('Execution') ? undefined : requester[event.streamId],
    );
    const documents = await projectionSpec(tenants)
      .given(a.requested(request(loaded)), a.succeeded())
      .when(b.skillLoadFailed('tidy', 'SKILL_YAML_INVALID'), b.requested(request(fallback)), b.failed('TOOL_FAILED'))
      .documents();
    expect(documents[SKILL_STATS]).toEqual({
      'acme/tidy': expect.objectContaining({ tenant: 'acme', executions: 1, succeeded: 1, lastFailure: null }),
      'globex/tidy': expect.objectContaining({ tenant: 'globex', executions: 1, failed: 1, fallbacks: 1 }),
    });
    expect(documents[SKILL_STATS]?.['globex/tidy']).toMatchObject({ loadFailures: 1, lastGood: null });
  });
});
