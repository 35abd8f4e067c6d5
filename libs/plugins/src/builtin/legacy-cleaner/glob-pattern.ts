import { BadInputError, type ErrorCode } from '#kernel';

/** A compiled glob: tests a POSIX path relative to the scan root. */
export type GlobMatcher = (relPath: string) => boolean;

const MAX_PATTERN = 256;
const REGEX_SPECIAL = /[.+^${}()|[\]\\]/g;

const refusal =
  (code: ErrorCode) =>
  (pattern: string, reason: string): BadInputError =>
    new BadInputError(code, `glob pattern ${JSON.stringify(pattern.slice(0, 64))}: ${reason}`, {
      pattern: pattern.slice(0, 256),
      reason,
    });

function segmentRegex(segment: string): string {
  return segment.replace(REGEX_SPECIAL, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
}

/**
 * A deliberately small glob dialect: `*` (within a segment), `?` (one character), `**` (any number of
 * segments). A pattern without `/` matches a file name at any depth (`*.bak`); with `/` it is anchored at
 * the scan root (`legacy/**\/*.old`). `*` also matches names starting with a dot.
 * Patterns that could point upwards or elsewhere (`..`, leading `/`, `\`) are refused.
 *
 * @throws BadInputError with `code` (default `PARAMS_INVALID`)
 */
export function compileGlob(pattern: string, code: ErrorCode = 'PARAMS_INVALID'): GlobMatcher {
  const invalid = refusal(code);
  if (typeof pattern !== 'string' || pattern.length === 0) throw invalid(String(pattern), 'must be a non-empty string');
  if (pattern.length > MAX_PATTERN) throw invalid(pattern, `longer than ${MAX_PATTERN} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\\]/.test(pattern)) throw invalid(pattern, 'control characters and backslashes are not allowed');
  if (pattern.startsWith('/')) throw invalid(pattern, 'must be relative');
  const segments = pattern.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === ''))
    throw invalid(pattern, "empty, '.' and '..' segments are not allowed");
  if (segments.some((s) => s.includes('**') && s !== '**')) throw invalid(pattern, "'**' must be a whole segment");

  if (segments.length === 1) {
    const byName = new RegExp(`^${segmentRegex(pattern)}$`);
    return (relPath) => byName.test(relPath.slice(relPath.lastIndexOf('/') + 1));
  }
  let source = '^';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') source += last ? '.+' : '(?:[^/]+/)*';
    else source += segmentRegex(segment) + (last ? '' : '/');
  });
  const anchored = new RegExp(`${source}$`);
  return (relPath) => anchored.test(relPath);
}
