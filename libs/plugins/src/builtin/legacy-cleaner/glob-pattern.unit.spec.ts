import { compileGlob } from './glob-pattern.js';

describe('compileGlob', () => {
  it('matches a bare pattern against the file name at any depth', () => {
    const bak = compileGlob('*.bak');
    expect(['a.bak', 'deep/dir/b.bak', '.hidden.bak'].every(bak)).toBe(true);
    expect(['a.bak.txt', 'a.bakx', 'bak/a.txt'].some(bak)).toBe(false);
    expect(compileGlob('file?.txt')('x/file1.txt')).toBe(true);
    expect(compileGlob('file?.txt')('file12.txt')).toBe(false);
  });

  it('anchors patterns with a slash at the scan root, ** spanning zero or more directories', () => {
    const old = compileGlob('legacy/**/*.old');
    expect(['legacy/a.old', 'legacy/x/a.old', 'legacy/x/y/a.old'].every(old)).toBe(true);
    expect(['a.old', 'src/legacy/a.old', 'legacy/a.older'].some(old)).toBe(false);
    const all = compileGlob('legacy/**');
    expect(all('legacy/a/b.txt')).toBe(true);
    expect(all('legacy')).toBe(false);
  });

  it('treats regex metacharacters literally', () => {
    expect(compileGlob('a+(b).[x]')('a+(b).[x]')).toBe(true);
    expect(compileGlob('a+(b).[x]')('aa(b).x')).toBe(false);
  });

  it.each(['', '../*.bak', '/etc/*', 'a/../b', 'a\\b', 'a//b', 'a**b', './x'])('refuses %j', (pattern) => {
    expect(() => compileGlob(pattern)).toThrow(expect.objectContaining({ code: 'PARAMS_INVALID' }));
  });
});
