import { PluginError, type JsonObject, type JsonValue } from '#kernel';
import { readFileInside, removeFileInside, writeFileInside } from '#validation';
import { type StepContext } from '../../plugin.types.js';
import { ZERO_TOKENS, type ComputedPlan, type Operation } from '#domain';
import { OrchestratorPlugin } from '../../sdk/orchestrator-plugin.js';
import { operationParams, toolArgs } from '../shared/arg-reader.js';
import {
  DEFAULT_ARCHIVE_DIR,
  deletedFromOutputs,
  readSelection,
  scanSelection,
  selectedFiles,
} from './cleanup-selection.js';

const SELECTION_ARGS = {
  type: 'object',
  properties: {
    pattern: { type: 'string', minLength: 1, maxLength: 256 },
    root: { type: 'string', minLength: 1, maxLength: 1024 },
    archiveDir: { type: 'string', minLength: 1, maxLength: 1024 },
    files: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 4096 } },
  },
  required: ['pattern'],
  additionalProperties: false,
};
const LOG_FILE = 'cleanup.log';

/**
 * Handles `cleanup_legacy` { pattern, root = '.', archiveDir = 'archive/cleanup' }:
 * scan → archive (copy, keeping workspace-relative paths) → delete (only files whose archived copy is
 * byte-identical) → append `<archiveDir>/cleanup.log`. Symlinks, `.git` and the archive itself are never touched.
 */
export class LegacyCleanerPlugin extends OrchestratorPlugin {
  override operationTypes = ['cleanup_legacy'];
  override paramsSchemas = {
    cleanup_legacy: {
      type: 'object',
      properties: {
        pattern: { type: 'string', minLength: 1, maxLength: 256 },
        root: { type: 'string', minLength: 1, maxLength: 1024 },
        archiveDir: { type: 'string', minLength: 1, maxLength: 1024 },
      },
      required: ['pattern'],
      additionalProperties: false,
    },
  };

  constructor() {
    super('legacy_cleaner');
    const spec = (description: string) => ({ description, argsSchema: SELECTION_ARGS });
    this.tool(
      'scan_files',
      spec('Lists workspace-relative files matching the pattern below root (archive excluded).'),
      (args, ctx) => scanSelection(ctx.workspaceRoot, readSelection(toolArgs(args))),
    );
    this.tool(
      'archive_files',
      spec('Copies the selected files into archiveDir, keeping their workspace-relative paths.'),
      (args, ctx) => this.archive(args, ctx),
    );
    this.tool(
      'delete_files',
      { ...spec('Deletes the selected files that have an identical archived copy.'), destructive: true },
      (args, ctx) => this.delete(args, ctx),
    );
    this.tool(
      'write_cleanup_log',
      spec(`Appends what the preceding delete step removed to <archiveDir>/${LOG_FILE}.`),
      (args, ctx) => this.writeLog(args, ctx),
    );
  }

  override plan(operation: Operation): ComputedPlan {
    const params = operationParams(operation.params);
    readSelection(params);
    const args: JsonObject = {
      pattern: params.string('pattern', undefined, 256),
      root: params.string('root', '.'),
      archiveDir: params.string('archiveDir', DEFAULT_ARCHIVE_DIR),
    };
    const steps = ['scan_files', 'archive_files', 'delete_files', 'write_cleanup_log'].map((tool) => ({
      tool,
      args: { ...args },
    }));
    return { steps, planner: 'deterministic:legacy_cleaner', tokens: { ...ZERO_TOKENS } };
  }

  private async archive(args: JsonObject, ctx: StepContext): Promise<JsonValue> {
    const sel = readSelection(toolArgs(args));
    const files = await selectedFiles(sel, args, ctx);
    for (const file of files) {
      await writeFileInside(
        ctx.workspaceRoot,
        `${sel.archiveDir}/${file}`,
        await readFileInside(ctx.workspaceRoot, file),
      );
    }
    return { archiveDir: sel.archiveDir, archived: files };
  }

  private async delete(args: JsonObject, ctx: StepContext): Promise<JsonValue> {
    const sel = readSelection(toolArgs(args));
    const deleted: string[] = [];
    const missing: string[] = [];
    for (const file of await selectedFiles(sel, args, ctx)) {
      const original = await readFileInside(ctx.workspaceRoot, file).catch((e: unknown) => {
        if ((e as { code?: unknown }).code === 'PATH_NOT_FOUND') return null;
        throw e;
      });
      // Already gone (a retried step): nothing to lose, nothing to do.
      if (original === null) {
        missing.push(file);
        continue;
      }
      const copy = await readFileInside(ctx.workspaceRoot, `${sel.archiveDir}/${file}`).catch(() => null);
      if (copy === null || !copy.equals(original)) {
        throw new PluginError('NOT_ARCHIVED', `refusing to delete '${file}': no identical copy in ${sel.archiveDir}`, {
          path: file,
        });
      }
      if (await removeFileInside(ctx.workspaceRoot, file)) deleted.push(file);
      else missing.push(file);
    }
    return { deleted, missing };
  }

  private async writeLog(args: JsonObject, ctx: StepContext): Promise<JsonValue> {
    const sel = readSelection(toolArgs(args));
    // Only what a delete step reported: the log must never claim a removal that did not happen.
    const removed = deletedFromOutputs(ctx) ?? [];
    const lines = [
      `# execution ${ctx.executionId}: pattern=${JSON.stringify(sel.pattern)} root=${JSON.stringify(sel.root || '.')} removed=${removed.length}`,
      ...removed.map((f) => `removed ${f}`),
    ];
    const log = `${sel.archiveDir}/${LOG_FILE}`;
    await writeFileInside(ctx.workspaceRoot, log, `${lines.join('\n')}\n`, { append: true });
    return { log, entries: removed.length };
  }
}
