import { parseFormat, renderFormat, canBePlaceholder, type FormatPart } from './format-string.js';

describe('format strings', () => {
  it('doubles literal braces so placeholders and text read back unchanged', () => {
    const parts: FormatPart[] = [{ text: 'fn() {' }, { param: 'name' }, { text: '}}' }, { param: 'x' }, { text: '{' }];
    const format = renderFormat(parts);
    expect(format).toBe('fn() {{{name}}}}}{x}{{');
    expect(parseFormat(format)).toEqual(parts);
  });

  it('parses adjacent placeholders and plain text', () => {
    expect(parseFormat('{a}{b}')).toEqual([{ param: 'a' }, { param: 'b' }]);
    expect(parseFormat('plain')).toEqual([{ text: 'plain' }]);
    expect(parseFormat('')).toEqual([]);
  });

  it.each(['{', '}', 'a}b', '{}', '{a', '{a{b}'])('reports %p as malformed', (format) => {
    expect(parseFormat(format)).toEqual({ error: expect.any(String) });
  });

  it('only allows non-empty names without braces as placeholders', () => {
    expect(canBePlaceholder('domain')).toBe(true);
    expect(canBePlaceholder('with space.and-dots')).toBe(true);
    expect(canBePlaceholder('')).toBe(false);
    expect(canBePlaceholder('a{b')).toBe(false);
    expect(canBePlaceholder('a}b')).toBe(false);
  });
});
