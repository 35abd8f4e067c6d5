/** The errno code of a Node fs error, or `undefined` for anything else. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}

/** Short, path-free explanation of an fs error (paths are reported separately in `file`). */
export function describeFsError(error: unknown): string {
  const code = errnoCode(error);
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links (symlink loop)';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a path component is not a directory';
    case 'ENAMETOOLONG':
      return 'path is too long';
    default:
      return code !== undefined ? `cannot be read (${code})` : `cannot be read (${String(error)})`;
  }
}
