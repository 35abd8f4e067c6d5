import { lstat } from 'node:fs/promises';
import { BadInputError, PluginError, type JsonObject, type JsonValue } from '#kernel';
import {
  MODULE_SEGMENT_PATTERN,
  mkdirInside,
  normalizeRelativePath,
  resolveInsideRoot,
  writeFileInside,
} from '#validation';
import { type StepContext } from '../../plugin.types.js';
import { ZERO_TOKENS, type ComputedPlan, type Operation, type PlanStep } from '#domain';
import { OrchestratorPlugin } from '../../sdk/orchestrator-plugin.js';
import { operationParams, toolArgs } from '../shared/arg-reader.js';
import { MODULE_DIRS, moduleFiles } from './module-templates.js';

const MAX_CONTENT = 1024 * 1024;
const MODULE_PATH_SCHEMA = { type: 'string', minLength: 1, maxLength: 1024, pattern: '^modules/' };

// The scaffolder only ever writes below modules/, so even a wrong learned or LLM plan cannot touch the rest.
function modulesRelative(raw: string): string {
  const rel = normalizeRelativePath(raw);
  if (!rel.startsWith('modules/')) {
    throw new BadInputError('TOOL_ARGS_INVALID', `module_scaffolder only writes below modules/, not '${rel}'`, {
      path: rel,
    });
  }
  return rel;
}

function segment(params: JsonObject, key: string, fallback?: string): string {
  const value = operationParams(params).string(key, fallback, 64);
  if (!MODULE_SEGMENT_PATTERN.test(value)) {
    throw new BadInputError('PARAMS_INVALID', `${key} '${value}' must match ${MODULE_SEGMENT_PATTERN}`, { key, value });
  }
  return value;
}

/**
 * Handles `module_creation` { name, domain = 'general', description?, overwrite? }: creates
 * `modules/<domain>/<name>/` with src/, tests/, README.md, INTERFACE.md and ModLog.md.
 * An existing module directory is refused (PluginError `MODULE_EXISTS`) unless `overwrite === true`.
 */
export class ModuleScaffolderPlugin extends OrchestratorPlugin {
  override operationTypes = ['module_creation'];
  override paramsSchemas = {
    module_creation: {
      type: 'object',
      properties: {
        name: { type: 'string', pattern: MODULE_SEGMENT_PATTERN.source },
        domain: { type: 'string', pattern: MODULE_SEGMENT_PATTERN.source },
        description: { type: 'string', minLength: 1, maxLength: 2000 },
        overwrite: { type: 'boolean' },
      },
      required: ['name'],
      additionalProperties: false,
    },
  };

  constructor() {
    super('module_scaffolder');
    this.tool(
      'create_directory',
      {
        description:
          'Creates a directory below modules/ (parents included). refuseExisting: fail if it already exists, unless the operation says overwrite.',
        argsSchema: {
          type: 'object',
          properties: { path: MODULE_PATH_SCHEMA, refuseExisting: { type: 'boolean' } },
          required: ['path'],
          additionalProperties: false,
        },
      },
      (args, ctx) => this.createDirectory(args, ctx),
    );
    this.tool(
      'write_file',
      {
        description: 'Writes a UTF-8 text file below modules/, replacing any previous content.',
        argsSchema: {
          type: 'object',
          properties: { path: MODULE_PATH_SCHEMA, content: { type: 'string', maxLength: MAX_CONTENT } },
          required: ['path', 'content'],
          additionalProperties: false,
        },
      },
      (args, ctx) => this.writeFile(args, ctx),
    );
  }

  override plan(operation: Operation): ComputedPlan {
    const name = segment(operation.params, 'name');
    const domain = segment(operation.params, 'domain', 'general');
    operationParams(operation.params).boolean('overwrite', false);
    const description =
      operationParams(operation.params).optionalString('description', 2000) ??
      `The \`${name}\` module of the \`${domain}\` domain.`;
    const dir = `modules/${domain}/${name}`;
    const steps: PlanStep[] = [
      { tool: 'create_directory', args: { path: dir, refuseExisting: true } },
      ...MODULE_DIRS.map((sub) => ({ tool: 'create_directory', args: { path: `${dir}/${sub}` } })),
      ...moduleFiles({ name, domain, description }).map((f) => ({
        tool: 'write_file',
        args: { path: `${dir}/${f.file}`, content: f.content },
      })),
    ];
    return { steps, planner: 'deterministic:module_scaffolder', tokens: { ...ZERO_TOKENS } };
  }

  private async createDirectory(args: JsonObject, ctx: StepContext): Promise<JsonValue> {
    const a = toolArgs(args);
    const rel = modulesRelative(a.string('path'));
    const refuseExisting = a.boolean('refuseExisting', false);
    const existed = (await lstat(await resolveInsideRoot(ctx.workspaceRoot, rel)).catch(() => null)) !== null;
    // Read from the operation, not the step, so a plan recalled from a non-overwrite run still honours it.
    if (existed && refuseExisting && ctx.operation.params.overwrite !== true) {
      throw new PluginError('MODULE_EXISTS', `'${rel}' already exists; pass overwrite: true to reuse it`, {
        path: rel,
      });
    }
    await mkdirInside(ctx.workspaceRoot, rel);
    return { path: rel, created: !existed };
  }

  private async writeFile(args: JsonObject, ctx: StepContext): Promise<JsonValue> {
    const a = toolArgs(args);
    const rel = modulesRelative(a.string('path'));
    const content = args.content;
    if (typeof content !== 'string' || content.length > MAX_CONTENT) {
      throw new BadInputError(
        'TOOL_ARGS_INVALID',
        `tool argument 'content' must be a string of at most ${MAX_CONTENT} characters`,
        { key: 'content' },
      );
    }
    await writeFileInside(ctx.workspaceRoot, rel, content);
    return { path: rel, bytes: Buffer.byteLength(content, 'utf8') };
  }
}
