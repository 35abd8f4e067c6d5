import { describe, expect, it } from '@jest/globals';
import { hmacHex, randomHex, randomToken, safeEqual, sha256Hex } from './mac.js';

describe('mac', () => {
  it('computes HMAC-SHA256 as RFC 4231 test cases 1 and 2 give it', () => {
    expect(hmacHex(Buffer.alloc(20, 0x0b), 'Hi There')).toBe(
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    );
    expect(hmacHex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('computes SHA-256 as FIPS 180-2 gives it for "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('compares strings in constant time: equal only when every byte is', () => {
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('a1b2c3', 'a1b2c3')).toBe(true);
    expect(safeEqual('a1b2c3', 'a1b2c4')).toBe(false);
    // Different lengths are refused before timingSafeEqual, which would throw on them.
    expect(safeEqual('a1b2c3', 'a1b2c')).toBe(false);
    expect(safeEqual('a1b2c3', '')).toBe(false);
    // Lengths are compared in bytes: "é" is two UTF-8 bytes.
    expect(safeEqual('é', 'e')).toBe(false);
    expect(safeEqual('é', 'é')).toBe(true);
  });

  it('draws base64url tokens of the asked size: 32 bytes = 43 characters', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(randomHex(8)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('draws tokens that look random: no repeats, and about 6 bits of entropy per character', () => {
    const tokens = Array.from({ length: 500 }, () => randomToken());
    expect(new Set(tokens).size).toBe(500);
    // 21,500 characters over 64 symbols: each appears ~336 times; a stuck or biased source would be far off.
    const counts = new Map<string, number>();
    for (const ch of tokens.join('')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(64);
    const total = tokens.length * 43;
    const entropy = -[...counts.values()].reduce((h, n) => h + (n / total) * Math.log2(n / total), 0);
    expect(entropy).toBeGreaterThan(5.9);
  });
});
