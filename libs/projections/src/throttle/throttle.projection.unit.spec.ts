import { describe, it } from '@jest/globals';
import { executionOf } from '#domain/testing';
import { projectionSpec } from '#stores/read-model/testing';
import { THROTTLE } from './throttle.doc.js';
import { throttleProjection } from './throttle.projection.js';

const spec = projectionSpec(throttleProjection);
const skill = {
  name: 'tidy',
  agent: '0102',
  fallbackUsed: false,
  format: 'SKILL.md',
  contentHash: 'c',
  instructionsHash: 'i',
};
const at = (ms: number) => new Date(ms).toISOString();

describe('throttle projection', () => {
  it('counts every admitted request under its type, and a skill run under its skill too', async () => {
    const a = executionOf('a').requested({ operationType: 'cleanup', plugin: 'cleaner' });
    const b = executionOf('b').requested({ operationType: 'cleanup', plugin: 'cleaner', skill });
    await spec.given({ ...a, at: at(1000) }, { ...b, at: at(2000) }).then({
      [THROTTLE]: {
        'type:cleanup': { key: 'type:cleanup', times: [1000, 2000] },
        'skill:tidy': { key: 'skill:tidy', times: [2000] },
      },
    });
  });

  it('keeps times ascending when the clock stepped back, and a throttled request consumes no quota', async () => {
    const request = (id: string) => executionOf(id).requested({ operationType: 'cleanup', plugin: 'cleaner' });
    const refused = executionOf('c').throttled({
      operationType: 'cleanup',
      plugin: 'cleaner',
      ruleId: 'ACME/rate',
      retryAfterMs: 5,
    });
    await spec.given({ ...request('a'), at: at(5000) }, { ...request('b'), at: at(3000) }, refused).then({
      [THROTTLE]: { 'type:cleanup': { key: 'type:cleanup', times: [3000, 5000] } },
    });
  });
});
