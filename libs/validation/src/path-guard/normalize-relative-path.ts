import path from 'node:path';
import { pathInvalid, pathOutside } from './path-guard.errors.js';

const MAX_PATH_LENGTH = 4096;
const MAX_SEGMENT_BYTES = 255;
const DRIVE_LETTER = /^[a-zA-Z]:/;
// Any percent-encoded byte: a decoder somewhere downstream could turn %2e%2e into `..`. IIS-style %u002e
// too (the "unicode" traversal class of CVE-2000-0884), which the two-hex-digit form does not cover.
const PERCENT_ENCODED = /%(?:[0-9a-fA-F]{2}|[uU][0-9a-fA-F]{4})/;
// Win32 path normalisation drops trailing dots and spaces, so `.. ` and `. .` mean `..` there; harmless on
// POSIX, but the string may reach a Windows tool or share. Pure-dot names such as `...` stay legal.
const dotsAndSpaces = (s: string): boolean => /^[. ]+$/.test(s) && s.includes('.') && s.includes(' ');
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0001-\u001f\u007f]/;

/**
 * Lexical half of the path guard: rejects anything we would have to interpret before knowing where
 * it points, and returns the normalised POSIX relative path (`''` is the workspace root itself).
 * It never touches the disk, so planners can use it on operation params before a workspace exists.
 *
 * @throws BadInputError `PATH_INVALID` or `PATH_OUTSIDE_WORKSPACE` with `details.reason`.
 */
export function normalizeRelativePath(relPath: unknown): string {
  if (typeof relPath !== 'string') throw pathInvalid('path must be a string', relPath);
  if (relPath.length > MAX_PATH_LENGTH) throw pathInvalid(`path is longer than ${MAX_PATH_LENGTH} characters`, relPath);
  if (relPath.includes('\u0000')) throw pathInvalid('path contains a NUL byte', relPath);
  if (CONTROL_CHARS.test(relPath)) throw pathInvalid('path contains control characters', relPath);
  if (relPath.startsWith('\\\\') || relPath.startsWith('//')) throw pathOutside('UNC paths are not allowed', relPath);
  if (DRIVE_LETTER.test(relPath)) throw pathOutside('Windows drive letters are not allowed', relPath);
  if (relPath.startsWith('/')) throw pathOutside('absolute paths are not allowed', relPath);
  if (relPath.includes('\\')) throw pathInvalid('backslashes are not allowed; use /', relPath);
  if (PERCENT_ENCODED.test(relPath)) throw pathInvalid('percent-encoded sequences are not allowed', relPath);

  const segments = relPath.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) {
    const normalized = path.posix.normalize(relPath);
    if (normalized === '..' || normalized.startsWith('../')) throw pathOutside("'..' escapes the workspace", relPath);
    // Even a harmless-looking `a/../b` is refused: it reads differently once `a` is a symlink.
    throw pathInvalid("'..' segments are not allowed", relPath);
  }
  if (relPath.includes(' ') && segments.some(dotsAndSpaces))
    throw pathInvalid('a segment of only dots and spaces (Windows strips them to . or ..)', relPath);
  // Bytes, not UTF-16 units: NAME_MAX is 255 bytes, and 100 one-dot leaders (U+2024) are 300 of them. A UTF-16
  // unit takes at most 3 bytes, so short segments skip the (comparatively slow) byte count.
  if (segments.some((s) => s.length > MAX_SEGMENT_BYTES / 3 && Buffer.byteLength(s, 'utf8') > MAX_SEGMENT_BYTES)) {
    throw pathInvalid(`a path segment is longer than ${MAX_SEGMENT_BYTES} bytes`, relPath);
  }
  return segments.join('/');
}

/** Splits a normalised relative path into segments (`''` → no segments). */
export const pathSegments = (normalized: string): string[] => (normalized === '' ? [] : normalized.split('/'));
