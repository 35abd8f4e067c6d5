import { realpathSync } from 'node:fs';
import { createHostileWorkspace, type HostileWorkspace } from './hostile-workspace.fixture.js';
import { normalizeRelativePath } from './normalize-relative-path.js';
import { escapeOf, outcomeOf } from './path-oracle.fixture.js';
import { resolveInsideRootSync } from './resolve-inside-root.js';
import { TRAVERSAL_CORPUS } from './traversal-corpus.fixture.js';

// int, not unit: the entries the lexical check lets through are proven inside by resolving them on disk.
const shorten = (input: string): string => {
  const shown = JSON.stringify(input);
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
};
const cases = TRAVERSAL_CORPUS.map(
  ([input, verdict, source]) => [`${shorten(input)} (${source})`, input, verdict] as const,
);

describe('known traversal corpus', () => {
  let ws: HostileWorkspace;
  let realRoot: string;
  beforeAll(async () => {
    ws = await createHostileWorkspace('wre-corpus-');
    realRoot = realpathSync(ws.root);
  });
  afterAll(() => ws.cleanup());

  it('has enough entries of both kinds to mean something', () => {
    expect(TRAVERSAL_CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(TRAVERSAL_CORPUS.filter(([, v]) => v === 'reject').length).toBeGreaterThanOrEqual(40);
    expect(TRAVERSAL_CORPUS.filter(([, v]) => v === 'inside').length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.filter(([, , v]) => v === 'reject'))('rejects %s lexically', (_title, input) => {
    const lexical = outcomeOf(() => normalizeRelativePath(input));
    expect(lexical).toEqual({ refused: expect.stringMatching(/^PATH_(INVALID|OUTSIDE_WORKSPACE):/) });
    expect(outcomeOf(() => resolveInsideRootSync(ws.root, input))).toEqual(lexical);
  });

  it.each(cases.filter(([, , v]) => v === 'inside'))('accepts %s as a name inside the root', (_title, input) => {
    let resolved = '';
    expect(() => (resolved = resolveInsideRootSync(ws.root, input))).not.toThrow();
    expect(escapeOf(realRoot, resolved)).toBeNull();
  });
});
