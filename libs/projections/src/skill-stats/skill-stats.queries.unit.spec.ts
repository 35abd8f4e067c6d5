import { describe, expect, it } from '@jest/globals';
import { executionStream, type SkillRef } from '#domain';
import { executionOf } from '#domain/testing';
import { projectionSpec } from '#stores/read-model/testing';
import { inTenants } from '../testing/in-tenants.fixture.js';
import { readModelOf } from '../testing/read-model-of.fixture.js';
import { skillStatsProjection } from './skill-stats.projection.js';
import { getSkillStats, skillStatsByName } from './skill-stats.queries.js';

const tidy: SkillRef = {
  name: 'tidy',
  agent: '0102',
  fallbackUsed: false,
  format: 'SKILL.md',
  contentHash: 'c1',
  instructionsHash: 'i1',
  constraints: { allowedTools: ['mkdir'], throttle: null },
};
const tidy2: SkillRef = { ...tidy, contentHash: 'c2', constraints: { allowedTools: ['rm'], throttle: null } };
const lint: SkillRef = { ...tidy, name: 'lint' };
const request = (skill: SkillRef) => ({ operationType: 'cleanup', plugin: 'cleaner', skill });
const [a1, a2, b1, b2, d1] = [
  executionOf('a1'),
  executionOf('a2'),
  executionOf('b1'),
  executionOf('b2'),
  executionOf('d1'),
];
const tenants: Record<string, string> = {
  [executionStream('a1')]: 'acme',
  [executionStream('a2')]: 'acme',
  [executionStream('b1')]: 'globex',
  [executionStream('b2')]: 'globex',
};

/** tidy runs in acme (a later failure to load), in globex (the later good load, c2) and before tenants (d1). */
const store = async () =>
  readModelOf(
    await projectionSpec(inTenants(skillStatsProjection, (event) => tenants[event.streamId]))
      .given(d1.requested(request(tidy)), d1.succeeded())
      .when(
        a1.requested(request(tidy)),
        a1.succeeded(),
        b1.requested(request(tidy2)),
        b1.failed('TOOL_FAILED'),
        a2.skillLoadFailed('tidy', 'SKILL_YAML_INVALID'),
        b2.requested(request(lint)),
        b2.succeeded(),
      )
      .documents(),
  );

describe('skill stats queries', () => {
  it("give one tenant's outcomes, and for null the sum with the latest failure and good load", async () => {
    const rm = await store();
    expect(await getSkillStats(rm, 'acme', 'tidy')).toMatchObject({ executions: 1, succeeded: 1, loadFailures: 1 });
    expect(await getSkillStats(rm, 'acme', 'tidy')).toMatchObject({ lastGood: { contentHash: 'c1' } });
    expect(await getSkillStats(rm, 'globex', 'tidy')).toMatchObject({ executions: 1, failed: 1, lastFailure: null });
    expect(await getSkillStats(rm, 'default', 'tidy')).toMatchObject({ executions: 1, succeeded: 1 });
    expect(await getSkillStats(rm, 'initech', 'tidy')).toBeNull();
    expect(await getSkillStats(rm, null, 'tidy')).toEqual({
      name: 'tidy',
      executions: 3,
      succeeded: 2,
      failed: 1,
      blocked: 0,
      throttled: 0,
      fallbacks: 0,
      loadFailures: 1,
      lastFailure: { code: 'SKILL_YAML_INVALID', reason: 'broken', position: '00000000000000000007' },
      lastGood: {
        contentHash: 'c2',
        operationType: 'cleanup',
        plugin: 'cleaner',
        constraints: tidy2.constraints,
        position: '00000000000000000005',
      },
    });
    expect(await getSkillStats(rm, null, 'absent')).toBeNull();
  });

  it('map every skill of one tenant, or of all tenants, by name', async () => {
    const rm = await store();
    const executions = (m: Map<string, { executions: number }>) => [...m].map(([n, s]) => [n, s.executions]).sort();
    expect(executions(await skillStatsByName(rm, 'acme'))).toEqual([['tidy', 1]]);
    expect(executions(await skillStatsByName(rm, 'globex'))).toEqual([
      ['lint', 1],
      ['tidy', 1],
    ]);
    expect(executions(await skillStatsByName(rm, null))).toEqual([
      ['lint', 1],
      ['tidy', 3],
    ]);
  });
});
