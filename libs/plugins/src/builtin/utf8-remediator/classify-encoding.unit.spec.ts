import { classifyBytes, decodeWindows1252, remediate } from './classify-encoding.js';

const bytes = (...b: number[]) => Buffer.from(b);

describe('encoding classification and remediation', () => {
  it('classifies utf8, BOM, invalid utf8 and binary', () => {
    expect(classifyBytes(Buffer.from('héllo ✓', 'utf8'))).toBe('utf8');
    expect(classifyBytes(Buffer.from([]))).toBe('utf8');
    expect(classifyBytes(Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from('x')]))).toBe('utf8_bom');
    expect(classifyBytes(bytes(0x63, 0x61, 0x66, 0xe9))).toBe('invalid_utf8');
    expect(classifyBytes(bytes(0xef, 0xbb, 0xbf, 0xe9))).toBe('invalid_utf8');
    expect(classifyBytes(bytes(0xff, 0xfe, 0x41, 0x00))).toBe('binary');
  });

  it('decodes the Windows-1252 0x80-0x9f range as the printable characters, not C1 controls', () => {
    expect(decodeWindows1252(bytes(0x93, 0x80, 0x94, 0xe9, 0x85, 0x41))).toBe('\u201c\u20ac\u201d\u00e9\u2026A');
  });

  it('strips a BOM, transcodes latin1 and leaves clean or binary files alone', () => {
    expect(remediate(Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from('ok')]), 'utf8_bom')?.toString()).toBe('ok');
    expect(remediate(bytes(0x63, 0x61, 0x66, 0xe9), 'invalid_utf8')?.toString('utf8')).toBe('café');
    expect(remediate(Buffer.from('ok'), 'utf8')).toBeNull();
    expect(remediate(bytes(0, 1), 'binary')).toBeNull();
  });
});
