import { BadInputError } from '#kernel';
import { normalizeRelativePath } from './normalize-relative-path.js';

function codeOf(input: unknown): string {
  try {
    normalizeRelativePath(input);
  } catch (e) {
    if (e instanceof BadInputError) return `${e.code}:${String(e.details.reason)}`;
    throw e;
  }
  return 'accepted';
}

describe('normalizeRelativePath', () => {
  it('normalises harmless relative paths to POSIX form without dots', () => {
    expect(normalizeRelativePath('modules/general/x/')).toBe('modules/general/x');
    expect(normalizeRelativePath('./a//b/./c.md')).toBe('a/b/c.md');
    expect(normalizeRelativePath('.')).toBe('');
    expect(normalizeRelativePath('')).toBe('');
    expect(normalizeRelativePath('..hidden/file..txt')).toBe('..hidden/file..txt');
    expect(normalizeRelativePath('....//.../x')).toBe('..../.../x');
    expect(normalizeRelativePath('\uFF0E\uFF0E/\u2024\u2024')).toBe('\uFF0E\uFF0E/\u2024\u2024');
  });

  it.each([
    ['../etc/passwd', 'PATH_OUTSIDE_WORKSPACE'],
    ['a/../../b', 'PATH_OUTSIDE_WORKSPACE'],
    ['..', 'PATH_OUTSIDE_WORKSPACE'],
    ['/etc/passwd', 'PATH_OUTSIDE_WORKSPACE'],
    ['C:/Windows', 'PATH_OUTSIDE_WORKSPACE'],
    ['c:relative', 'PATH_OUTSIDE_WORKSPACE'],
    ['\\\\server\\share\\x', 'PATH_OUTSIDE_WORKSPACE'],
    ['//server/share', 'PATH_OUTSIDE_WORKSPACE'],
    ['a/../b', 'PATH_INVALID'],
    ['a\\..\\b', 'PATH_INVALID'],
    ['%2e%2e/secret', 'PATH_INVALID'],
    ['a%2Fb', 'PATH_INVALID'],
    ['a%5cb', 'PATH_INVALID'],
    ['ok\u0000.txt', 'PATH_INVALID'],
    ['line\nbreak', 'PATH_INVALID'],
    [`${'x'.repeat(256)}/y`, 'PATH_INVALID'],
    ['\u2024'.repeat(100), 'PATH_INVALID'],
    ['..%u2215x', 'PATH_INVALID'],
    ['.. /x', 'PATH_INVALID'],
    ['a/. ./b', 'PATH_INVALID'],
  ])('refuses %j with %s', (input, code) => {
    expect(codeOf(input)).toMatch(new RegExp(`^${code}:.+`));
  });

  it('refuses non-strings with PATH_INVALID', () => {
    expect(codeOf(42)).toBe('PATH_INVALID:path must be a string');
    expect(codeOf(null)).toBe('PATH_INVALID:path must be a string');
  });
});
