import type { ProtocolDefinition } from '../protocol.types.js';
import { parseProtocolFile } from './parse-protocol-file.js';
import { protocolConfigError } from './protocol-config-error.js';
import { ProblemSink, type ProtocolFileProblem } from './protocol-file-problem.js';
import { readProtocolFiles } from './read-protocol-files.js';
import { validateProtocolFile } from './validate-protocol.js';

export interface LoadProtocolDirOptions {
  /** Ids a file may not take (the built-in protocols, e.g. `WSP-50`). */
  reservedIds: readonly string[];
  /** Whether a missing directory is an error (true) or simply means no custom protocols (false). */
  required: boolean;
}

/**
 * Loads every `*.yaml`, `*.yml` and `*.json` protocol file directly in `dir` (name order) into
 * `ProtocolDefinition`s. All or nothing: any problem in any file throws, listing every problem found in every
 * file, so a protocol set is never half-applied.
 * @throws ConfigError `CONFIG_INVALID`; `details.problems` is a `ProtocolFileProblem[]`
 */
export async function loadProtocolDir(dir: string, options: LoadProtocolDirOptions): Promise<ProtocolDefinition[]> {
  const { files, problems } = await readProtocolFiles(dir, options.required);
  const reserved = new Set(options.reservedIds);
  const firstSeen = new Map<string, string>();
  const loaded: ProtocolDefinition[] = [];
  for (const { file, text } of files) {
    const parsed = parseProtocolFile(file, text);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((p) => ({ file, ...p })));
      continue;
    }
    const sink = new ProblemSink();
    const entries = validateProtocolFile(parsed.value, sink);
    const report = (p: Omit<ProtocolFileProblem, 'file'>): number => problems.push({ file, ...p });
    for (const p of sink.problems) report({ ...parsed.locate(p.path, p.atKey), message: p.message });
    for (const { id, path, definition } of entries) {
      if (id === undefined) continue;
      const at = parsed.locate([...path, 'id']);
      const where = `${file}:${at.line}:${at.column}`;
      if (reserved.has(id))
        report({ ...at, message: `protocol id '${id}' is reserved by a built-in protocol; choose another id` });
      else if (firstSeen.has(id))
        report({ ...at, message: `duplicate protocol id '${id}' (first defined at protocols/${firstSeen.get(id)})` });
      else firstSeen.set(id, where);
      if (definition) loaded.push({ ...definition, source: file });
    }
  }
  if (problems.length > 0) throw protocolConfigError(dir, problems);
  return loaded;
}
