import { createHmac } from 'node:crypto';
import { SIGNATURE_HEADER, signatureHeader, verifySignature } from './request-signature.js';

const secret = 'whsec_test_0123456789abcdef';
const body = '{"kind":"step","text":"héllo ✓"}';
const now = 1_700_000_000;
const hex = (key: string, t: number, raw: string) => createHmac('sha256', key).update(`${t}.${raw}`).digest('hex');

describe('request signature', () => {
  it('formats t=<seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>', () => {
    expect(SIGNATURE_HEADER).toBe('WRE-Signature');
    expect(signatureHeader(secret, body, now)).toBe(`t=${now},v1=${hex(secret, now, body)}`);
    expect(signatureHeader(secret, body, now + 0.9)).toBe(`t=${now},v1=${hex(secret, now, body)}`);
  });

  it('accepts its own signature, within 5 minutes either way', () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(secret, header, body, now)).toEqual({ ok: true });
    expect(verifySignature(secret, header, body, now + 300)).toEqual({ ok: true });
    expect(verifySignature(secret, header, body, now - 300)).toEqual({ ok: true });
    expect(verifySignature(secret, [header], body, now)).toEqual({ ok: true });
  });

  it('calls signatures outside the window stale, past or future', () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(secret, header, body, now + 301)).toEqual({ ok: false, reason: 'stale' });
    expect(verifySignature(secret, header, body, now - 301)).toEqual({ ok: false, reason: 'stale' });
    expect(verifySignature(secret, header, body, now + 60, 30)).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuses another secret, another body and another timestamp as a mismatch', () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature('other-secret', header, body, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature(secret, header, `${body} `, now)).toEqual({ ok: false, reason: 'mismatch' });
    const moved = header.replace(`t=${now}`, `t=${now + 1}`);
    expect(verifySignature(secret, moved, body, now)).toEqual({ ok: false, reason: 'mismatch' });
    // A forgery is a mismatch even when old: "stale" is kept for genuine signatures.
    expect(verifySignature('other-secret', header, body, now + 3600)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('accepts any of several v1 entries (secret rotation) and ignores other schemes', () => {
    const rotated = `t=${now}, v0=zzz, v1=${hex('old-secret', now, body)}, v1=${hex(secret, now, body)}`;
    expect(verifySignature(secret, rotated, body, now)).toEqual({ ok: true });
    expect(verifySignature('old-secret', rotated, body, now)).toEqual({ ok: true });
    expect(verifySignature('third', rotated, body, now)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('reports missing and malformed headers', () => {
    expect(verifySignature(secret, undefined, body, now)).toEqual({ ok: false, reason: 'missing' });
    expect(verifySignature(secret, '  ', body, now)).toEqual({ ok: false, reason: 'missing' });
    expect(verifySignature(secret, [], body, now)).toEqual({ ok: false, reason: 'missing' });
    const good = hex(secret, now, body);
    for (const header of [
      `v1=${good}`,
      `t=${now}`,
      `t=${now},t=${now},v1=${good}`,
      `t=-${now},v1=${good}`,
      `t=${now}.5,v1=${good}`,
      `t=,v1=${good}`,
      `t=${now},v1=${good.slice(2)}`,
      `t=${now},v1=${'g'.repeat(64)}`,
      `t=${now},v1`,
      `t=${now},v1=${good},${'x'.repeat(2048)}=1`,
      'garbage',
    ]) {
      expect([header, verifySignature(secret, header, body, now)]).toEqual([
        header,
        { ok: false, reason: 'malformed' },
      ]);
    }
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(secret, [header, header], body, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses an empty secret instead of signing or verifying with it', () => {
    expect(() => signatureHeader('', body, now)).toThrow(TypeError);
    expect(() => verifySignature('', signatureHeader(secret, body, now), body, now)).toThrow(TypeError);
  });
});
