import { BadInputError, type ErrorCode } from '#kernel';

/** The path (after resolution) would leave the workspace: absolute, `..` escape, drive/UNC, symlink. */
export const PATH_OUTSIDE_WORKSPACE = 'PATH_OUTSIDE_WORKSPACE' satisfies ErrorCode;
/** The path is malformed in a way we refuse to interpret (NUL, backslash, percent-encoding, wrong type). */
export const PATH_INVALID = 'PATH_INVALID' satisfies ErrorCode;

// Details travel to clients, so keep the echoed path short and printable.
function shown(path: unknown): string {
  if (typeof path !== 'string') return `<${path === null ? 'null' : typeof path}>`;
  const printable = JSON.stringify(path);
  return printable.length > 200 ? `${printable.slice(0, 197)}...` : printable;
}

export function pathInvalid(reason: string, path: unknown): BadInputError {
  return new BadInputError(PATH_INVALID, `invalid path ${shown(path)}: ${reason}`, { reason, path: shown(path) });
}

export function pathOutside(reason: string, path: unknown): BadInputError {
  return new BadInputError(PATH_OUTSIDE_WORKSPACE, `path ${shown(path)} is outside the workspace: ${reason}`, {
    reason,
    path: shown(path),
  });
}
