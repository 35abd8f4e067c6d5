import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SkillFailureCode } from '../src/index.js';

/** Where a fixture writes: `dir` = `root/<fixture name>`; `outside` is a sibling of the skills dir. */
export interface FixtureContext {
  root: string;
  dir: string;
  outside: string;
}

/** One broken skill folder and what loading it must report. */
export interface BrokenFixture {
  name: string;
  code: SkillFailureCode;
  /** SKILLz.md broken but SKILL.md fine: the load is ok and `code` is the code named in the warning. */
  fallbackOk?: boolean;
  line?: number;
  reason?: RegExp;
  setup(ctx: FixtureContext): Promise<void>;
  /** Set when the fixture cannot be built on this machine; the spec prints it and skips the case. */
  skipReason?: () => string | null;
}

/** `$NAME` in fixture text is replaced by the fixture (= folder) name. */
export const GOOD_YAML = 'name: $NAME\ndescription: A valid description.';

export function fileContent(name: string, yaml: string, body = '# Instructions\n\nDo the thing.\n'): string {
  return `---\n${yaml.replaceAll('$NAME', name)}\n---\n${body}`;
}

/** Setup that writes one skill file (default SKILL.md) with the given frontmatter. */
export function withYaml(yaml: string, body?: string, file = 'SKILL.md'): BrokenFixture['setup'] {
  return async (ctx) => {
    await mkdir(ctx.dir, { recursive: true });
    await writeFile(join(ctx.dir, file), fileContent(ctx.dir.split('/').pop() ?? '', yaml, body));
  };
}

/** Setup that writes raw bytes (or text) as SKILL.md. */
export function withBytes(content: Uint8Array | string, file = 'SKILL.md'): BrokenFixture['setup'] {
  return async (ctx) => {
    await mkdir(ctx.dir, { recursive: true });
    await writeFile(join(ctx.dir, file), content);
  };
}

/** Setup for frontmatter that is the good base plus extra lines. */
export const withExtra = (...lines: string[]): BrokenFixture['setup'] => withYaml([GOOD_YAML, ...lines].join('\n'));
