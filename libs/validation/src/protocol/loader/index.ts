/**
 * Protocol files (`protocols/*.yaml|yml|json`) to `ProtocolDefinition`s: strict parsing (no custom tags, bounded
 * aliases, 1 MiB, UTF-8, no symlinks out of the directory), exact validation (unknown keys are errors), every
 * problem reported with its file and line, and all-or-nothing loading.
 */
export { loadProtocolDir, type LoadProtocolDirOptions } from './load-protocol-dir.js';
export type { ProtocolFileProblem } from './protocol-file-problem.js';
export { formatProblem, MAX_PROBLEMS_PER_FILE } from './protocol-config-error.js';
export { PROTOCOL_FILE_MAX_BYTES } from './read-protocol-files.js';
export { MAX_ALIAS_COUNT } from './parse-protocol-file.js';
