import { isUtf8 } from 'node:buffer';

/** What a file's bytes look like. */
export type EncodingClass = 'utf8' | 'utf8_bom' | 'invalid_utf8' | 'binary';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

// Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80-0x9f become C1 controls), so the
// printable Windows-1252 characters in that range are mapped here. Undefined slots keep their C1 value.
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

/** Decodes Windows-1252 (the usual "latin1" of legacy Windows text files). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b <= 0x9f ? (CP1252_80_9F[b - 0x80] ?? b) : b);
  return out;
}

const hasBom = (bytes: Uint8Array): boolean =>
  bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** NUL bytes mean binary (or UTF-16) — never something to transcode. */
export function classifyBytes(bytes: Uint8Array): EncodingClass {
  if (bytes.includes(0)) return 'binary';
  if (hasBom(bytes)) return isUtf8(bytes.subarray(3)) ? 'utf8_bom' : 'invalid_utf8';
  return isUtf8(bytes) ? 'utf8' : 'invalid_utf8';
}

/**
 * Clean UTF-8 bytes for a file of the given class: BOM stripped, Windows-1252 transcoded.
 * @returns null when nothing needs to (or may) change.
 */
export function remediate(bytes: Uint8Array, cls: EncodingClass): Buffer | null {
  const body = hasBom(bytes) ? bytes.subarray(BOM.length) : bytes;
  if (cls === 'utf8_bom') return Buffer.from(body);
  if (cls === 'invalid_utf8') return Buffer.from(decodeWindows1252(body), 'utf8');
  return null;
}
