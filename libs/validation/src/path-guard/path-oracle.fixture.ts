import { lstat, realpath } from 'node:fs/promises';
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { BadInputError } from '#kernel';
import { normalizeRelativePath, pathSegments } from './normalize-relative-path.js';
import { PATH_INVALID, PATH_OUTSIDE_WORKSPACE, pathInvalid, pathOutside } from './path-guard.errors.js';
import { isInside, realWorkspaceRoot } from './resolve-inside-root.js';

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/**
 * Independent containment oracle for paths the guard accepted: walks up to the deepest entry that exists,
 * canonicalises it with the JS `realpathSync` (the guard uses the native realpath(3)) and checks by string
 * prefix (the guard uses `path.relative`), so a bug in either of the guard's tools does not hide itself here.
 * @returns null when the path lands inside `realRoot`, otherwise why it does not.
 */
export function escapeOf(realRoot: string, accepted: unknown): string | null {
  if (typeof accepted !== 'string' || !path.isAbsolute(accepted)) return 'guard returned a non-absolute path';
  if (accepted.includes('\u0000')) return 'guard returned a path with a NUL byte';
  // The JS realpathSync below collapses `..` lexically before walking, so a dotted answer must fail here.
  if (accepted.split('/').some((s) => s === '..' || s === '.')) return 'guard returned a path with dot segments';
  let existing = accepted;
  const missing: string[] = [];
  for (;;) {
    try {
      lstatSync(existing);
      break;
    } catch (e) {
      if (errno(e) !== 'ENOENT' && errno(e) !== 'ENOTDIR') return `oracle cannot inspect ${existing} (${errno(e)})`;
    }
    if (existing === path.dirname(existing)) return 'nothing on the path exists';
    missing.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  let real: string;
  try {
    real = realpathSync(existing);
  } catch (e) {
    return `existing part does not resolve (${errno(e)}), so creating below it lands wherever it points`;
  }
  const landed = [real, ...missing].join('/');
  return landed === realRoot || landed.startsWith(`${realRoot}/`) ? null : `lands at ${landed}`;
}

/**
 * The walk-up algorithm resolveInsideRoot had before it became a wrapper around the sync variant with a
 * binary search, kept verbatim as the reference the new one must agree with on every input.
 */
export async function referenceResolveInsideRoot(root: string, relPath: string): Promise<string> {
  const segments = pathSegments(normalizeRelativePath(relPath));
  const realRoot = await realWorkspaceRoot(root);
  for (let depth = segments.length; depth > 0; depth -= 1) {
    const candidate = path.join(realRoot, ...segments.slice(0, depth));
    try {
      await lstat(candidate);
    } catch (e) {
      if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') continue;
      throw pathInvalid(`cannot inspect path (${errno(e) ?? 'error'})`, relPath);
    }
    let real: string;
    try {
      real = await realpath(candidate);
    } catch (e) {
      if (errno(e) === 'ENOENT' || errno(e) === 'ELOOP') throw pathOutside('dangling or looping symlink', relPath);
      throw pathInvalid(`cannot resolve path (${errno(e) ?? 'error'})`, relPath);
    }
    if (!isInside(realRoot, real)) throw pathOutside('resolves outside the workspace through a symlink', relPath);
    return path.join(real, ...segments.slice(depth));
  }
  return path.join(realRoot, ...segments);
}

/** True for the refusals the guard promises; anything else thrown is a crash. */
export const isGuardRefusal = (e: unknown): e is BadInputError =>
  e instanceof BadInputError && (e.code === PATH_INVALID || e.code === PATH_OUTSIDE_WORKSPACE);

/** Outcome of one call, comparable across the sync and async variants. */
export type Outcome = { ok: string } | { refused: string } | { crash: string };

export function outcomeOf(run: () => string): Outcome {
  try {
    return { ok: run() };
  } catch (e) {
    return isGuardRefusal(e) ? { refused: `${e.code}:${String(e.details.reason)}` } : { crash: String(e) };
  }
}

export async function outcomeOfAsync(run: () => Promise<string>): Promise<Outcome> {
  try {
    return { ok: await run() };
  } catch (e) {
    return isGuardRefusal(e) ? { refused: `${e.code}:${String(e.details.reason)}` } : { crash: String(e) };
  }
}

/** Running totals a property fills in; the spec asserts on them once the runs are done. */
export class Tally {
  generated = 0;
  accepted = 0;
  rejected = 0;
  readonly escapes: string[] = [];
  readonly crashes: string[] = [];

  record(input: string, outcome: Outcome, escape: (ok: string) => string | null): void {
    this.generated += 1;
    const shown = JSON.stringify(input.length > 120 ? `${input.slice(0, 120)}…` : input);
    if ('crash' in outcome) this.crashes.push(`${shown}: ${outcome.crash.slice(0, 300)}`);
    else if ('refused' in outcome) this.rejected += 1;
    else {
      this.accepted += 1;
      const why = escape(outcome.ok);
      if (why !== null) this.escapes.push(`${shown} -> ${outcome.ok.slice(0, 300)}: ${why.slice(0, 300)}`);
    }
  }

  summary(): string {
    return `generated=${this.generated} accepted=${this.accepted} rejected=${this.rejected} escapes=${this.escapes.length} crashes=${this.crashes.length}`;
  }
}
