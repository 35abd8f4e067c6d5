import { PluginError } from '#kernel';
import { plannerError, redact } from './planner-error.js';

describe('redact', () => {
  it('removes every occurrence of a secret and any bearer credential, and clips', () => {
    expect(redact('bad key sk-abc123 (sk-abc123)', ['sk-abc123'])).toBe('bad key [redacted] ([redacted])');
    expect(redact('header was Authorization: Bearer eyJhbGci.x.y')).toBe('header was Authorization: Bearer [redacted]');
    expect(redact('x'.repeat(1000)).length).toBeLessThanOrEqual(301);
  });

  it('ignores empty or very short secrets instead of mangling the message', () => {
    expect(redact('a b c', ['', undefined, 'a'])).toBe('a b c');
  });
});

describe('plannerError', () => {
  it('maps timeouts and aborts to PLAN_TIMEOUT', () => {
    expect(plannerError(new Error('x'), { planner: 'p', timedOut: true, timeoutMs: 50 })).toMatchObject({
      code: 'PLAN_TIMEOUT',
      message: 'planner p timed out after 50 ms before answering',
    });
    expect(plannerError(new Error('x'), { planner: 'p', aborted: true })).toMatchObject({
      code: 'PLAN_TIMEOUT',
      message: 'planner p was aborted before answering',
    });
    // A timeout outranks what the adapter made of the cancelled request.
    expect(
      plannerError(new PluginError('PLANNER_UNAVAILABLE', 'gone'), { planner: 'p', timedOut: true }),
    ).toMatchObject({ code: 'PLAN_TIMEOUT' });
  });

  it('maps HTTP failures to PLANNER_UNAVAILABLE with the status, once, and no secret', () => {
    const e = plannerError(new Error('401 Incorrect API key provided: sk-secret-1'), {
      planner: 'openai:m',
      status: 401,
      secrets: ['sk-secret-1'],
    });
    expect(e).toBeInstanceOf(PluginError);
    expect(e).toMatchObject({ code: 'PLANNER_UNAVAILABLE', details: { planner: 'openai:m', status: 401 } });
    expect(e.message).toBe('planner openai:m answered HTTP 401: Incorrect API key provided: [redacted]');
  });

  it('maps failures without a response to PLANNER_UNAVAILABLE without a status', () => {
    const e = plannerError('boom', { planner: 'p' });
    expect(e).toMatchObject({
      code: 'PLANNER_UNAVAILABLE',
      message: 'planner p is unreachable: boom',
      details: { planner: 'p' },
    });
    expect(e.details).not.toHaveProperty('status');
  });
});
