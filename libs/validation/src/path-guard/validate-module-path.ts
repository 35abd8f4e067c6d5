import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isWreError } from '#kernel';
import { normalizeRelativePath } from './normalize-relative-path.js';
import { pathInvalid } from './path-guard.errors.js';
import { isInside, resolveInsideRoot } from './resolve-inside-root.js';

/** Result of {@link validateModulePath}; `resolved` is the canonical absolute directory when valid. */
export interface ModulePathValidation {
  valid: boolean;
  reason: string | null;
  resolved: string | null;
}

/** Domain and module names as the module layout allows them. */
export const MODULE_SEGMENT_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

const fail = (reason: string): ModulePathValidation => ({ valid: false, reason, resolved: null });

// Callers ported from the Python runtime pass absolute paths; accept them only when they lie under the root.
// `..` is refused before path.resolve can collapse it: on paper `<root>/link/../x` is `<root>/x`, but the kernel
// follows `link` first and climbs from wherever it points, so we would validate one directory and the caller
// would open another.
async function toRelative(root: string, modulePath: string): Promise<string | null> {
  if (!path.isAbsolute(modulePath)) return modulePath;
  if (modulePath.split(/[\\/]/).includes('..')) throw pathInvalid("'..' segments are not allowed", modulePath);
  for (const base of [path.resolve(root), await realpath(root).catch(() => null)]) {
    if (base !== null && isInside(base, path.resolve(modulePath))) return path.relative(base, path.resolve(modulePath));
  }
  return null;
}

/**
 * The seed's `validate_module_path(path)`: valid only for an existing directory inside the workspace laid
 * out as `modules/<domain>/<name>`. Never throws for bad input; the reason says what is wrong.
 */
export async function validateModulePath(root: string, modulePath: string): Promise<ModulePathValidation> {
  try {
    if (typeof modulePath !== 'string' || modulePath.trim() === '')
      return fail('module path must be a non-empty string');
    const relative = await toRelative(root, modulePath);
    if (relative === null) return fail('absolute module path is outside the workspace');
    const segments = normalizeRelativePath(relative).split('/');
    const [top, domain, name] = segments;
    if (segments.length !== 3 || top !== 'modules' || domain === undefined || name === undefined) {
      return fail(`module path must look like modules/<domain>/<name>, got '${segments.join('/')}'`);
    }
    if (!MODULE_SEGMENT_PATTERN.test(domain)) return fail(`domain '${domain}' must match ${MODULE_SEGMENT_PATTERN}`);
    if (!MODULE_SEGMENT_PATTERN.test(name)) return fail(`module name '${name}' must match ${MODULE_SEGMENT_PATTERN}`);
    const resolved = await resolveInsideRoot(root, segments.join('/'));
    const st = await stat(resolved).catch(() => null);
    if (st === null) return fail(`module directory '${segments.join('/')}' does not exist`);
    if (!st.isDirectory()) return fail(`'${segments.join('/')}' is not a directory`);
    return { valid: true, reason: null, resolved };
  } catch (e) {
    if (isWreError(e)) return fail(typeof e.details.reason === 'string' ? e.details.reason : e.message);
    return fail('module path could not be checked');
  }
}
