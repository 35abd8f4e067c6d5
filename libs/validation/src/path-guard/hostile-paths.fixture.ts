import fc from 'fast-check';
import { SYMLINK_NAMES } from './hostile-workspace.fixture.js';

// Names that exist in the hostile workspace: without them almost every path would be "missing" and the
// interesting branches (symlink followed, file in the middle, loop) would never run.
const REAL_NAMES = [
  'a',
  'b',
  'modules',
  'general',
  'new_module',
  'a_file',
  'file.txt',
  'alias_domain',
  'linked',
  '....',
];

// Each entry is something a path parser somewhere has been fooled by.
const TRICKS = [
  '..',
  '.',
  '',
  '...',
  '.. ',
  '..\t',
  ' ..',
  '..;',
  '..%00',
  '%2e%2e',
  '%2E%2e',
  '%252e%252e',
  '%2f',
  '%5c',
  '%c0%af',
  '%u002e',
  '\\',
  '..\\..',
  'C:',
  'c:',
  'C:\\',
  '\\\\?\\C:',
  '\u0000',
  '\n',
  '\u007f',
  '\u0085',
  '\u2024\u2024',
  '\uFF0E\uFF0E',
  '\u2215',
  '\uFF0F',
  '\u29F8',
  '\uFE52\uFE52',
  '..\u2215..',
  '\u202E',
  '\uD800',
  '~',
  '~root',
  '$HOME',
  '${HOME}',
  'outside',
  'secret.txt',
  'file:',
  'x'.repeat(255),
  'x'.repeat(256),
  '\u2024'.repeat(100),
  'é'.repeat(128),
];

const segment: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...REAL_NAMES, ...SYMLINK_NAMES) },
  { weight: 6, arbitrary: fc.constantFrom(...TRICKS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('.', '/', '\\', '%', '2', 'e', 'f', ' '), maxLength: 8 }) },
);
const separator = fc.constantFrom('/', '/', '/', '/', '//', '/./', '\\', '\u2215', '\uFF0F');
const prefix = fc.constantFrom(
  '',
  '',
  '',
  '',
  '',
  './',
  '/',
  '//',
  '\\\\',
  '\\\\?\\',
  'C:',
  'c:/',
  '../',
  'file://',
  '~/',
);
const suffix = fc.constantFrom('', '', '', '', '/', '/.', '/..', '\u0000.png', ' ', '.');

/** Relative-path candidates mixing real entries, symlink names and traversal tricks. */
export const hostileRelPath: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 20,
    arbitrary: fc
      .tuple(prefix, fc.array(fc.tuple(segment, separator), { maxLength: 5 }), segment, suffix)
      .map(([pre, parts, last, post]) => pre + parts.map(([s, sep]) => s + sep).join('') + last + post),
  },
  // Length limits: just under and over 4096 characters, and deep nesting of missing directories.
  {
    weight: 1,
    arbitrary: fc.constantFrom('a/'.repeat(2047) + 'b', 'a/'.repeat(2048) + 'b', 'x'.repeat(5000), 'zz/'.repeat(300)),
  },
);

const moduleSegment = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('general', 'new_module', 'alias_domain', 'linked', 'evil', 'a_file', 'missing'),
  },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKS, ...SYMLINK_NAMES) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,4}$/) },
);

/**
 * Module-path candidates, relative or absolute. `rootPrefix` is substituted by the spec so the absolute
 * ones point into the real temp workspace (or past it, through `escape/..`).
 */
export const hostileModulePath = (rootPrefix: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(
        '',
        '',
        '',
        '',
        './',
        `${rootPrefix}/`,
        `${rootPrefix}/`,
        `${rootPrefix}/escape/../`,
        `${rootPrefix}/up_link/ws/`,
        `${rootPrefix}/a/../`,
        `${rootPrefix}//./`,
        '/',
      ),
      fc.constantFrom('modules', 'modules', 'modules', 'modules', 'inner_link', 'escape', 'src', '..', 'modules/..'),
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc.constantFrom(['general', 'new_module'], ['alias_domain', 'new_module'], ['linked', 'evil']),
        },
        { weight: 2, arbitrary: fc.array(moduleSegment, { minLength: 1, maxLength: 3 }) },
      ),
      fc.constantFrom('', '', '', '/', '/.', '/..'),
    )
    .map(([pre, top, rest, post]) => `${pre}${top}/${rest.join('/')}${post}`);
