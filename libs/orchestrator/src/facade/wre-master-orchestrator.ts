import { BadInputError, DEFAULT_TENANT, type Clock, type IdGenerator, type JsonObject } from '#kernel';
import type { PatternDoc } from '#pattern-memory';
import type { ExecutionDoc, PluginDoc } from '#projections';
import { toRuntimePlugin } from '#plugins';
import { bestPattern, listPatterns } from '#pattern-memory';
import { loadConfig, type WreConfig } from '../config/index.js';
import { executeOperation } from '../execute-operation/execute-operation.js';
import { executeSkill, type SkillExecutionResult } from '../execute-skill/execute-skill.js';
import { registerPlugin } from '../register-plugin/register-plugin.js';
import { bootRuntime, closeRuntime } from '../runtime/boot-runtime.js';
import type { WreRuntime } from '../runtime/wre-runtime.js';
import { validateModulePath, type PathValidation } from '../validate-module-path/validate-module-path.js';

export interface CreateOptions {
  /** Environment to read configuration from (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Overrides applied after the environment is read. */
  config?: Partial<WreConfig>;
  clock?: Clock;
  ids?: IdGenerator;
  builtins?: boolean;
}

/** The seed's task shape: `{ type, plugin?, ...params }`. */
export type Task = { type: string; plugin?: string } & Record<string, unknown>;

/**
 * THE master orchestrator, in process: the seed's API over the same runtime and use cases the GraphQL server uses.
 * In process there is no caller to authenticate: it acts as the service itself (tenant `default`, ADMIN).
 * `registerPlugin` checks its arguments synchronously (so misuse throws at the call site) and persists in the
 * background; `execute` waits for pending registrations, so the seed's un-awaited usage works as written.
 */
export class WREMasterOrchestrator {
  private readonly instances = new Map<string, object>();
  private pending = new Set<Promise<unknown>>();

  private constructor(private readonly rt: WreRuntime) {}

  static async create(options: CreateOptions = {}): Promise<WREMasterOrchestrator> {
    const config = { ...loadConfig(options.env ?? process.env), ...options.config };
    return new WREMasterOrchestrator(await bootRuntime(config, options));
  }

  registerPlugin(plugin: object): Promise<PluginDoc>;
  registerPlugin(name: string, plugin: object): Promise<PluginDoc>;
  registerPlugin(nameOrPlugin: string | object, maybePlugin?: object): Promise<PluginDoc> {
    const named = typeof nameOrPlugin === 'string';
    if (named && (maybePlugin === undefined || maybePlugin === null)) {
      throw new BadInputError(
        'PLUGIN_REQUIRED',
        `registerPlugin("${nameOrPlugin}") needs a plugin object as second argument`,
      );
    }
    const candidate = named ? maybePlugin : nameOrPlugin;
    const runtime = toRuntimePlugin(candidate, named ? nameOrPlugin : undefined);
    // registerPlugin validates synchronously, so a bad definition throws here, at the call site.
    const done = registerPlugin(this.rt, runtime);
    this.instances.set(runtime.name, candidate as object);
    this.pending.add(done);
    // The caller may not await; a failure then surfaces on the next execute() instead of crashing the process.
    done.catch(() => undefined);
    return done;
  }

  /** The plugin object registered under `name` in this process, or null. */
  getPlugin(name: string): object | null {
    return this.instances.get(name) ?? null;
  }

  validateModulePath(path: string): Promise<PathValidation> {
    return validateModulePath(this.rt, path);
  }

  async execute(task: Task, options: { commandId?: string; force?: boolean } = {}): Promise<ExecutionDoc> {
    await this.flushRegistrations();
    if (typeof task !== 'object' || task === null)
      throw new BadInputError('BAD_USER_INPUT', 'execute() needs a task object with a "type"');
    const { type, plugin, ...params } = task;
    return executeOperation(this.rt, {
      type,
      plugin: plugin ?? null,
      params: params as JsonObject,
      ...options,
    });
  }

  /**
   * The upstream `execute_skill(skill_name, agent, input_context, force)`: runs a skill (SKILLz.md / SKILL.md,
   * or generated fallback instructions when it cannot be loaded) under the protocols and its throttle.
   */
  async executeSkill(
    skillName: string,
    agent: string,
    inputContext: object = {},
    force = false,
  ): Promise<SkillExecutionResult> {
    await this.flushRegistrations();
    return executeSkill(this.rt, { skillName, agent, inputContext, force });
  }

  /** The best active pattern learned for an operation type (highest fidelity, then most used), or null. */
  async recallPattern(operationType: string): Promise<PatternDoc | null> {
    await this.flushRegistrations();
    return bestPattern(this.rt.readModel, operationType, DEFAULT_TENANT);
  }

  /** Every pattern learned so far (of one operation type when given), oldest first, whatever its status. */
  async patterns(operationType?: string): Promise<PatternDoc[]> {
    await this.flushRegistrations();
    return listPatterns(this.rt.readModel, operationType, DEFAULT_TENANT);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    await closeRuntime(this.rt);
  }

  private async flushRegistrations(): Promise<void> {
    const waiting = [...this.pending];
    this.pending = new Set();
    await Promise.all(waiting);
  }
}
