import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Hex HMAC-SHA256 of `data` under `key`. */
export const hmacHex = (key: string | Buffer, data: string): string =>
  createHmac('sha256', key).update(data, 'utf8').digest('hex');

/** Hex SHA-256 of a string (for secrets with ≥ 256 bits of entropy, e.g. API keys: no salt needed). */
export const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');

/** Constant-time equality of two strings (false when lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `bytes` random bytes from the OS CSPRNG, base64url. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** `bytes` random bytes from the OS CSPRNG, hex. */
export const randomHex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** HMAC-SHA256 of `data` under `key`, truncated to `bytes` (≥ 16: 128 bits, RFC 2104 §5), base64url. */
export const hmacBase64url = (key: string | Buffer, data: string, bytes = 16): string =>
  createHmac('sha256', key).update(data, 'utf8').digest().subarray(0, Math.max(16, bytes)).toString('base64url');
