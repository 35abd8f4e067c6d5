/**
 * Known path-traversal inputs, grouped by where the class was published. Written from the advisories'
 * descriptions, not copied from any payload list. `inside` marks inputs that are legal names on POSIX
 * (`....`, `~`, `file:`) and so must be accepted but land inside the workspace.
 */
export type Verdict = 'reject' | 'inside';
export type CorpusEntry = readonly [input: string, verdict: Verdict, source: string];

const OWASP = 'OWASP Path Traversal / CWE-22';
export const TRAVERSAL_CORPUS: readonly CorpusEntry[] = [
  // Plain dot-dot, the textbook case.
  ['../', 'reject', OWASP],
  ['..', 'reject', OWASP],
  ['../../../../../../etc/passwd', 'reject', OWASP],
  ['./../secret', 'reject', OWASP],
  ['a/../../b', 'reject', OWASP],
  ['a/b/../../../c', 'reject', OWASP],
  // Node 8.5's path.normalize let `..` climb past a prefix that looked anchored (CVE-2017-14849).
  ['static/../../../foo/../../../../etc/passwd', 'reject', 'CVE-2017-14849'],
  ['..//..//etc', 'reject', OWASP],
  ['modules/../../x', 'reject', 'WSP 64 module layout'],
  ['modules/general/../../../outside', 'reject', 'WSP 64 module layout'],
  ['a/../b', 'reject', 'symlink-sensitive dot-dot: a may be a link'],
  ['x/..', 'reject', 'symlink-sensitive dot-dot: a may be a link'],
  // Archive extraction writing entries named like this: Snyk "Zip Slip" (2018), CVE-2018-1002200 and kin.
  ['evil/../../../../tmp/evil.sh', 'reject', 'Zip Slip'],
  ['../'.repeat(40) + 'root/.ssh/authorized_keys', 'reject', 'Zip Slip'],
  // Backslash separators, read as `\` by Windows APIs and by many IIS/Tomcat-era parsers.
  ['..\\', 'reject', 'Windows separator, CWE-23'],
  ['..\\..\\windows\\win.ini', 'reject', 'Windows separator, CWE-23'],
  ['a\\..\\..\\b', 'reject', 'Windows separator, CWE-23'],
  ['..\\/..\\/etc', 'reject', 'mixed separators, CWE-23'],
  ['.\\..\\x', 'reject', 'mixed separators, CWE-23'],
  // Percent-encoding decoded after the check: CVE-2021-41773 (Apache 2.4.49 `.%2e/`), CVE-2021-42013 (2.4.50
  // double encoding), CVE-2001-0333 (IIS decoding twice), CWE-177 in general.
  ['.%2e/.%2e/etc/passwd', 'reject', 'CVE-2021-41773'],
  ['%2e%2e%2f', 'reject', 'CVE-2021-41773'],
  ['%2E%2E/%2E%2E/etc', 'reject', 'CVE-2021-41773'],
  ['..%2f..%2fetc%2fpasswd', 'reject', 'CWE-177 encoded slash'],
  ['%%32%65%%32%65/etc', 'reject', 'CVE-2021-42013'],
  ['.%%32%65/x', 'reject', 'CVE-2021-42013'],
  ['%252e%252e%252f', 'reject', 'CVE-2001-0333 double decoding'],
  ['..%255c..%255c', 'reject', 'CVE-2001-0333 double decoding'],
  ['..%5c..%5cboot.ini', 'reject', 'CVE-2001-0333'],
  ['..%00/', 'reject', 'encoded NUL'],
  // Overlong UTF-8 and %u forms of `/`, `\` and `.`: CVE-2000-0884 (IIS "unicode" folder traversal).
  ['..%c0%af..%c0%afetc', 'reject', 'CVE-2000-0884'],
  ['..%c1%9c..%c1%9c', 'reject', 'CVE-2000-0884'],
  ['%c0%ae%c0%ae/', 'reject', 'CVE-2000-0884 overlong dot'],
  ['..%e0%80%af', 'reject', 'CVE-2000-0884 3-byte overlong'],
  ['..%u2215..%u2215', 'reject', 'IIS %u encoding'],
  ['%u002e%u002e/', 'reject', 'IIS %u encoding'],
  // Absolute paths, including the CVE-2019-11510 (Pulse Connect Secure) shape that hides `..` after a prefix.
  ['/etc/passwd', 'reject', OWASP],
  ['/', 'reject', OWASP],
  ['/proc/self/environ', 'reject', OWASP],
  ['/dana-na/../dana/html5acc/guacamole/../../../../../../etc/passwd', 'reject', 'CVE-2019-11510'],
  // Drive letters and drive-relative paths (`c:x` is relative to c:'s cwd).
  ['C:\\Windows\\win.ini', 'reject', 'Windows drive'],
  ['c:/', 'reject', 'Windows drive'],
  ['C:', 'reject', 'Windows drive'],
  ['c:relative\\x', 'reject', 'Windows drive-relative'],
  ['Z:/../x', 'reject', 'Windows drive'],
  // UNC, device and long-path prefixes: reach another host or bypass Win32 normalisation.
  ['\\\\server\\share\\x', 'reject', 'UNC'],
  ['//server/share', 'reject', 'UNC'],
  ['\\\\?\\C:\\Windows', 'reject', 'Win32 long-path prefix'],
  ['\\\\.\\pipe\\x', 'reject', 'Win32 device namespace'],
  ['\\\\?\\UNC\\server\\share', 'reject', 'Win32 long-path UNC'],
  ['//?/C:/x', 'reject', 'Win32 long-path prefix, forward slashes'],
  // NUL truncation: the check sees `.png`, the C layer stops at the NUL (CWE-158; PHP < 5.3.4, CVE-2006-7243).
  ['a.txt\u0000.png', 'reject', 'CWE-158 NUL truncation'],
  ['../../etc/passwd\u0000.jpg', 'reject', 'CWE-158 NUL truncation'],
  ['\u0000', 'reject', 'CWE-158 NUL truncation'],
  // Control characters: log and terminal injection through echoed paths (CWE-117).
  ['a\nb', 'reject', 'CWE-117'],
  ['a\rb', 'reject', 'CWE-117'],
  ['\u001b[2Jx', 'reject', 'CWE-117 ANSI escape'],
  // Win32 strips trailing dots and spaces, so these become `..` there (James Forshaw, "The Definitive Guide
  // on Win32 to NT Path Conversion", Project Zero, 2016).
  ['..  /x', 'reject', 'Win32 trailing space'],
  ['.. ./x', 'reject', 'Win32 trailing dot and space'],
  ['. ./x', 'reject', 'Win32 trailing dot and space'],
  // Very long input: resource exhaustion and NAME_MAX/PATH_MAX confusion.
  ['a'.repeat(5000), 'reject', 'CWE-400 long path'],
  ['a/'.repeat(2500), 'reject', 'CWE-400 long path'],
  ['x'.repeat(256), 'reject', 'NAME_MAX'],
  ['\u2024'.repeat(100), 'reject', 'NAME_MAX counted in bytes (300)'],
  // Filter-stripping bypasses (OWASP "....//"): dangerous only to sanitisers that delete `../` once.
  ['....//', 'inside', 'OWASP filter bypass'],
  ['....//....//etc', 'inside', 'OWASP filter bypass'],
  ['..././x', 'inside', 'OWASP filter bypass'],
  ['...', 'inside', 'OWASP filter bypass'],
  // Path-parameter confusion between proxy and Tomcat: Orange Tsai, "Breaking Parser Logic" (Black Hat 2018).
  ['..;/x', 'inside', 'Breaking Parser Logic'],
  ['a/..;/..;/b', 'inside', 'Breaking Parser Logic'],
  // Unicode look-alikes that an NFKC step would fold to `.` and `/` (CVE-2019-9636 class); the file system
  // does not fold them, so they are ordinary names.
  ['\u2024\u2024/x', 'inside', 'CVE-2019-9636 class, one-dot leader'],
  ['\uFF0E\uFF0E/x', 'inside', 'CVE-2019-9636 class, fullwidth full stop'],
  ['..\u2215..\u2215etc', 'inside', 'CVE-2019-9636 class, division slash'],
  ['..\uFF0F..\uFF0Fetc', 'inside', 'CVE-2019-9636 class, fullwidth solidus'],
  ['\uFE52\uFE52/x', 'inside', 'CVE-2019-9636 class, small full stop'],
  ['\u2025/x', 'inside', 'two-dot leader'],
  ['\u202Etxt.exe', 'inside', 'RTL override spoofing (CVE-2021-42574 class)'],
  // URL schemes are not paths here: `file:` is a directory name.
  ['file:///etc/passwd', 'inside', 'SSRF/LFI file URL'],
  ['file://server/share', 'inside', 'SSRF/LFI file URL'],
  ['http://evil.example/x', 'inside', 'SSRF URL'],
  // Shell expansions the guard never performs.
  ['~/.ssh/id_rsa', 'inside', 'tilde expansion'],
  ['~root/.bashrc', 'inside', 'tilde expansion'],
  ['$HOME/.ssh', 'inside', 'variable expansion'],
  ['${HOME}/x', 'inside', 'variable expansion'],
  ['%USERPROFILE%/x', 'inside', 'Windows variable expansion'],
  ['$(id)', 'inside', 'command substitution'],
  // Windows-only names: ADS (CVE-1999-0278 IIS ::$DATA), 8.3 short names, reserved devices.
  ['file.txt::$DATA', 'inside', 'CVE-1999-0278'],
  ['PROGRA~1/x', 'inside', '8.3 short name'],
  ['CON', 'inside', 'Windows reserved device'],
  ['aux.txt', 'inside', 'Windows reserved device'],
  // Deep but legal: 2,001 characters stays under PATH_MAX even with the temp root in front.
  ['a/'.repeat(1000) + 'b', 'inside', 'deep nesting'],
];
