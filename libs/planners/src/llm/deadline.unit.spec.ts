import { startDeadline } from './deadline.js';

describe('startDeadline', () => {
  it('aborts after the time and says it expired', async () => {
    const d = startDeadline(10);
    await new Promise((resolve) => d.signal.addEventListener('abort', resolve, { once: true }));
    expect(d.expired()).toBe(true);
    d.dispose();
  });

  it('follows the caller signal without calling that an expiry', () => {
    const caller = new AbortController();
    const d = startDeadline(60_000, caller.signal);
    caller.abort(new Error('stop'));
    expect(d.signal.aborted).toBe(true);
    expect(d.expired()).toBe(false);
    d.dispose();
  });

  it('starts aborted when the caller already aborted, and never fires after dispose', async () => {
    const caller = new AbortController();
    caller.abort();
    const already = startDeadline(60_000, caller.signal);
    expect(already.signal.aborted).toBe(true);
    expect(already.expired()).toBe(false);
    already.dispose();
    const d = startDeadline(5);
    d.dispose();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(d.signal.aborted).toBe(false);
  });
});
