import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries WRE's signature on every request to a remote plugin. */
export const SIGNATURE_HEADER = 'WRE-Signature';

/** How far (seconds) a signature's timestamp may be from the verifier's clock, either way: 5 minutes. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Why a signature was refused: absent, unparsable, outside the time window, or signed with another secret. */
export type SignatureFailure = 'missing' | 'malformed' | 'stale' | 'mismatch';

/** The verdict of {@link verifySignature}. */
export type SignatureVerdict = { ok: true } | { ok: false; reason: SignatureFailure };

// Bounds the work an unauthenticated caller can make us do; a real header is ~80 bytes per v1 entry.
const MAX_HEADER_LENGTH = 2048;
const TIMESTAMP = /^\d{1,12}$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

function assertSecret(secret: string): void {
  // An empty key still yields an HMAC anyone can compute: refuse it loudly rather than sign or accept with it.
  if (typeof secret !== 'string' || secret.length === 0) throw new TypeError('the signing secret must not be empty');
}

const mac = (secret: string, t: number, rawBody: string): Buffer =>
  createHmac('sha256', secret).update(`${t}.${rawBody}`, 'utf8').digest();

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<rawBody>")>`, the value of {@link SIGNATURE_HEADER}.
 * `rawBody` must be exactly the string sent (it is signed as UTF-8).
 * @throws TypeError when `secret` is empty
 */
export function signatureHeader(secret: string, rawBody: string, nowSeconds: number): string {
  assertSecret(secret);
  const t = Math.floor(nowSeconds);
  return `t=${t},v1=${mac(secret, t, rawBody).toString('hex')}`;
}

function parse(header: string): { t: number; v1: Buffer[] } | null {
  if (header.length > MAX_HEADER_LENGTH) return null;
  let t: number | null = null;
  const v1: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (t !== null || !TIMESTAMP.test(value)) return null;
      t = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) return null;
      v1.push(Buffer.from(value, 'hex'));
    }
    // Other schemes (v0, a future v2) are ignored so WRE can add one without breaking existing verifiers.
  }
  return t === null || v1.length === 0 ? null : { t, v1 };
}

/**
 * Checks a {@link SIGNATURE_HEADER} value against the raw request body. Any of several `v1=` entries may match
 * (so a secret can rotate); the timestamp must lie within `toleranceSeconds` of `nowSeconds` in either direction
 * (a timestamp too far in the future is `stale` too). The signature is checked before the time, so `stale` means
 * "genuine but outside the window" (clock skew or a replay), never a forgery.
 * @throws TypeError when `secret` is empty
 */
export function verifySignature(
  secret: string,
  header: string | readonly string[] | undefined,
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureVerdict {
  assertSecret(secret);
  // Node gives a repeated header as an array; WRE sends exactly one.
  if (Array.isArray(header) && header.length > 1) return { ok: false, reason: 'malformed' };
  const value: string | undefined = typeof header === 'string' ? header : header?.[0];
  if (value === undefined || value.trim() === '') return { ok: false, reason: 'missing' };
  const parsed = parse(value);
  if (parsed === null) return { ok: false, reason: 'malformed' };
  const expected = mac(secret, parsed.t, rawBody);
  // timingSafeEqual on equal-length digests: the comparison time says nothing about how many bytes matched.
  if (!parsed.v1.some((candidate) => timingSafeEqual(candidate, expected))) return { ok: false, reason: 'mismatch' };
  if (Math.abs(Math.floor(nowSeconds) - parsed.t) > toleranceSeconds) return { ok: false, reason: 'stale' };
  return { ok: true };
}
