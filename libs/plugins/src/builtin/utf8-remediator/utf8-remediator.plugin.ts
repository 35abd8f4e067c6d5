import { BadInputError, PluginError, type JsonObject, type JsonValue } from '#kernel';
import { normalizeRelativePath, writeFileInside } from '#validation';
import { type StepContext } from '../../plugin.types.js';
import { ZERO_TOKENS, type ComputedPlan, type Operation } from '#domain';
import { OrchestratorPlugin } from '../../sdk/orchestrator-plugin.js';
import { operationParams, toolArgs, type ArgReader } from '../shared/arg-reader.js';
import { remediate } from './classify-encoding.js';
import { scanEncodings, summarize } from './encoding-scan.js';

/** Extensions remediated when the operation names none. */
export const DEFAULT_TEXT_EXTENSIONS = ['.md', '.txt', '.ts', '.js', '.py', '.json'];
const EXTENSION = /^\.[A-Za-z0-9_+-]{1,16}$/;

const ARGS_SCHEMA = {
  type: 'object',
  properties: {
    root: { type: 'string', minLength: 1, maxLength: 1024 },
    extensions: { type: 'array', minItems: 1, maxItems: 64, items: { type: 'string', pattern: EXTENSION.source } },
  },
  additionalProperties: false,
};

function readScope(reader: ArgReader): { root: string; extensions: string[] } {
  const extensions = reader.stringArray('extensions', DEFAULT_TEXT_EXTENSIONS, 64) ?? DEFAULT_TEXT_EXTENSIONS;
  const bad = extensions.find((e) => !EXTENSION.test(e));
  if (bad !== undefined || extensions.length === 0) {
    throw new BadInputError(
      reader.code,
      `extensions must be a non-empty list like ['.md'], got ${JSON.stringify(bad ?? [])}`,
      { key: 'extensions' },
    );
  }
  const root = reader.string('root', '.');
  normalizeRelativePath(root); // refuse escapes already at plan time; tools resolve it again on disk
  return { root, extensions };
}

/**
 * Handles `utf8_remediation` { root = '.', extensions = DEFAULT_TEXT_EXTENSIONS }: scan → fix (strip BOM,
 * transcode Windows-1252/latin1 to UTF-8; files with NUL bytes are binary and skipped) → validate (re-scan;
 * PluginError `ENCODING_VALIDATION_FAILED` if anything is still not clean UTF-8).
 */
export class Utf8RemediatorPlugin extends OrchestratorPlugin {
  override operationTypes = ['utf8_remediation'];
  override paramsSchemas = { utf8_remediation: ARGS_SCHEMA };

  constructor() {
    super('utf8_remediator');
    this.tool(
      'scan_encoding',
      { description: 'Classifies text files as utf8 / utf8_bom / invalid_utf8 / binary.', argsSchema: ARGS_SCHEMA },
      async (args, ctx) => {
        const scope = readScope(toolArgs(args));
        return summarize(await scanEncodings(ctx.workspaceRoot, scope.root, scope.extensions));
      },
    );
    this.tool(
      'fix_encoding',
      { description: 'Rewrites files with a BOM or invalid UTF-8 as clean UTF-8.', argsSchema: ARGS_SCHEMA },
      (args, ctx) => this.fix(args, ctx),
    );
    this.tool(
      'validate_encoding',
      { description: 'Re-scans and fails unless every text file is clean UTF-8.', argsSchema: ARGS_SCHEMA },
      (args, ctx) => this.validate(args, ctx),
    );
  }

  override plan(operation: Operation): ComputedPlan {
    const scope = readScope(operationParams(operation.params));
    const args: JsonObject = { root: scope.root, extensions: [...scope.extensions] };
    const steps = ['scan_encoding', 'fix_encoding', 'validate_encoding'].map((tool) => ({
      tool,
      args: structuredClone(args),
    }));
    return { steps, planner: 'deterministic:utf8_remediator', tokens: { ...ZERO_TOKENS } };
  }

  // Re-scans instead of trusting the scan step's output: the fix must act on the bytes as they are now.
  private async fix(args: JsonObject, ctx: StepContext): Promise<JsonValue> {
    const scope = readScope(toolArgs(args));
    const scanned = await scanEncodings(ctx.workspaceRoot, scope.root, scope.extensions);
    const fixed: JsonObject[] = [];
    for (const file of scanned) {
      if (file.bytes === null || file.encoding === 'too_large') continue;
      const clean = remediate(file.bytes, file.encoding);
      if (clean === null) continue;
      await writeFileInside(ctx.workspaceRoot, file.path, clean);
      fixed.push({ path: file.path, from: file.encoding });
    }
    const { skipped, counts, total } = summarize(scanned);
    return { fixed, skipped, before: counts, total };
  }

  private async validate(args: JsonObject, ctx: StepContext): Promise<JsonValue> {
    const scope = readScope(toolArgs(args));
    const summary = summarize(await scanEncodings(ctx.workspaceRoot, scope.root, scope.extensions));
    const remaining = summary.needsFix;
    if (remaining.length > 0) {
      throw new PluginError('ENCODING_VALIDATION_FAILED', `${remaining.length} file(s) are still not clean UTF-8`, {
        remaining: remaining.slice(0, 50),
      });
    }
    return { clean: true, checked: summary.total, skipped: summary.skipped };
  }
}
