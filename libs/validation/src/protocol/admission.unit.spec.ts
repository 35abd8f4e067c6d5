import { decideAdmission, throttleKey, type RateLimit } from './admission.js';
import { throttleKeysOf } from '#domain';

const req = { operationType: 'module_creation', plugin: 'p', skill: null };
const perType: RateLimit = {
  id: 'ACME-7/rate',
  scope: { operationTypes: ['module_creation'] },
  max: 3,
  windowMs: 60_000,
};
const NOW = 1_000_000;

describe('admission (rate limits)', () => {
  it('admits below the limit and cites the limits it consulted', () => {
    expect(decideAdmission([perType], req, () => [NOW - 1000, NOW - 500], NOW)).toEqual({
      admitted: true,
      citations: ['ACME-7/rate'],
    });
    expect(decideAdmission([perType], { ...req, operationType: 'other' }, () => [NOW, NOW, NOW], NOW)).toEqual({
      admitted: true,
      citations: [],
    });
  });

  it('throttles at the limit within the sliding window and says when to retry', () => {
    const times = [NOW - 70_000, NOW - 50_000, NOW - 20_000, NOW - 10_000];
    expect(decideAdmission([perType], req, () => times, NOW)).toEqual({
      admitted: false,
      citations: ['ACME-7/rate'],
      ruleId: 'ACME-7/rate',
      reason: '3 executions in the last 60000 ms reach the limit of 3',
      retryAfterMs: 10_000,
    });
    // Once the oldest counted admission leaves the window, the next request is admitted.
    expect(decideAdmission([perType], req, () => times, NOW + 10_001).admitted).toBe(true);
  });

  it('enforces a cooldown after the last admission', () => {
    const cool: RateLimit = { ...perType, max: 100, cooldownMs: 5000 };
    expect(decideAdmission([cool], req, () => [NOW - 2000], NOW)).toMatchObject({
      admitted: false,
      retryAfterMs: 3000,
      reason: 'cooldown of 5000 ms since the last execution',
    });
    expect(decideAdmission([cool], req, () => [NOW - 5000], NOW).admitted).toBe(true);
  });

  it('counts per skill for skill-scoped limits and per operation type otherwise', () => {
    const skillLimit: RateLimit = { id: 'skill:tidy/throttle', scope: { skills: ['tidy'] }, max: 1, windowMs: 1000 };
    const asSkill = { ...req, skill: 'tidy' };
    expect(throttleKey(skillLimit, asSkill)).toBe('skill:tidy');
    expect(throttleKey(perType, asSkill)).toBe('type:module_creation');
    expect(throttleKeysOf(asSkill)).toEqual(['type:module_creation', 'skill:tidy']);
    const history = (key: string) => (key === 'skill:tidy' ? [NOW - 10] : []);
    expect(decideAdmission([skillLimit], asSkill, history, NOW)).toMatchObject({
      admitted: false,
      ruleId: 'skill:tidy/throttle',
    });
    // Not run as the skill: the skill's limit does not apply.
    expect(decideAdmission([skillLimit], req, history, NOW)).toEqual({ admitted: true, citations: [] });
  });
});
