import { mkdirSync } from 'node:fs';
import {
  errorMessage,
  randomIds,
  systemClock,
  type Clock,
  type IdGenerator,
  type RecordedEvent,
} from '../../../kernel/src/index.js';
import type { EventStore } from '../../../stores/src/event-store/event-store.port.js';
import { allProjections } from '../runtime/all-projections.js';
import { type ReadModelStore } from '../../../stores/src/read-model/index.js';
import { type PluginDoc, type Projector, PLUGINS } from '../../../projections/src/index.js';
import { openEventStore, openReadModel, projectorFor } from './open-stores.js';
import type { RuntimePlugin } from '../../../plugins/src/plugin.types.js';
import type { ToolDefinition } from '../../../domain/src/index.js';
import { builtinPlugins, RemotePlugin, assertEndpointAllowed, toRuntimePlugin } from '../../../plugins/src/index.js';
import {
  BUILTIN_PROTOCOLS,
  CITATION_PROTOCOL,
  loadProtocolDir,
  ProtocolSet,
} from '../../../validation/src/protocol/index.js';

import { AdmissionGate } from '../execute-operation/admit-request.js';
import type { WreConfig } from '../config/index.js';
import type { Planner } from '../../../planners/src/index.js';
import { openPlanner } from './open-planner.js';
import type { ProtocolDefinition } from '../../../validation/src/protocol/index.js';
import { deregisterPlugin } from '../deregister-plugin/index.js';
import { executeOperation, type ExecuteOperationInput } from '../execute-operation/index.js';
import { LiveFeed } from '../live-feed/index.js';
import { executeSkill, type ExecuteSkillInput, type SkillExecutionResult } from '../execute-skill/index.js';
import { loadAllSkills } from '../../../skills/src/index.js';
import { protocolsView, skillsView, type ProtocolView, type SkillView } from '../queries/index.js';
import { WreQueries } from '../queries/index.js';
import { definitionOf, registerPlugin, type PluginDeps } from '../register-plugin/index.js';
import { PluginRuntimeRegistry } from '../registry/index.js';
import { validateModulePath } from '../validate-module-path/index.js';
import { readModelDigest } from './read-model-digest.js';
import { recoverInterrupted } from '../recover-interrupted/index.js';

export interface RemotePluginInput {
  name: string;
  operationTypes: string[];
  tools: ToolDefinition[];
  endpoint: string;
  timeoutMs?: number | null;
}

export interface CoreOptions {
  clock?: Clock;
  ids?: IdGenerator;
  /** Register the built-in plugins at start (default true). */
  builtins?: boolean;
  /** Close executions a crashed process left RUNNING (default true; off for tools sharing a live store). */
  recoverInterrupted?: boolean;
  /** Protocols to use instead of loading `config.protocols.dir` (tests, embedding). */
  protocols?: ProtocolDefinition[];
}

/**
 * The application core: one event store, one read-model store, the projections, the plugin runtime and the use
 * cases. The Nest app and the in-process `WREMasterOrchestrator` facade are two doors into this same object.
 */
export class WreCore {
  readonly registry = new PluginRuntimeRegistry();
  readonly queries: WreQueries;
  private readonly gate = new AdmissionGate();
  private readonly llmPlanner: Planner | null;

  private constructor(
    readonly config: WreConfig,
    readonly store: EventStore,
    readonly readModel: ReadModelStore,
    readonly runner: Projector,
    readonly feed: LiveFeed,
    readonly protocols: ProtocolSet,
    readonly clock: Clock,
    readonly ids: IdGenerator,
  ) {
    this.queries = new WreQueries(readModel);
    this.llmPlanner = openPlanner(config.planner, config.planTimeoutMs);
  }

  static async create(config: WreConfig, options: CoreOptions = {}): Promise<WreCore> {
    mkdirSync(config.workspaceRoot, { recursive: true });
    // Protocol files are checked before any store is opened: a bad file stops the start, nothing half-applied.
    const reservedIds = [...BUILTIN_PROTOCOLS.map((p) => p.id), CITATION_PROTOCOL.id];
    const protocols = ProtocolSet.compile(
      options.protocols ??
        (await loadProtocolDir(config.protocols.dir, { reservedIds, required: config.protocols.required })),
    );
    const store = await openEventStore(config);
    const readModel = await openReadModel(config);
    const runner = await projectorFor(config, store, readModel);
    const core = new WreCore(
      config,
      store,
      readModel,
      runner,
      new LiveFeed(store),
      protocols,
      options.clock ?? systemClock,
      options.ids ?? randomIds,
    );
    await runner.start();
    if (options.recoverInterrupted !== false) {
      const closed = await recoverInterrupted(
        { store, readModel, runner, clock: core.clock },
        config.interruptedAfterMs,
      );
      if (closed.length > 0) console.warn(`[wre] closed ${closed.length} interrupted execution(s) as INTERRUPTED`);
    }
    await core.feed.start();
    await core.restoreRemotePlugins();
    if (options.builtins !== false) {
      for (const plugin of builtinPlugins()) await core.registerPlugin(toRuntimePlugin(plugin));
    }
    return core;
  }

  private get pluginDeps(): PluginDeps {
    return {
      store: this.store,
      readModel: this.readModel,
      runner: this.runner,
      registry: this.registry,
      clock: this.clock,
      ids: this.ids,
    };
  }

  /** Not async on purpose: an invalid definition throws synchronously, before anything is written. */
  registerPlugin(runtime: RuntimePlugin, actor?: string): Promise<PluginDoc> {
    return registerPlugin(this.pluginDeps, runtime, definitionOf(runtime), actor);
  }

  /** An out-of-process plugin: steps (and plan requests) are POSTed to its endpoint, which must be allow-listed. */
  registerRemotePlugin(input: RemotePluginInput, actor?: string): Promise<PluginDoc> {
    assertEndpointAllowed(input.endpoint, this.config.remoteAllowList);
    const timeoutMs = input.timeoutMs ?? 10_000;
    const runtime = this.remoteRuntime({ ...input, timeoutMs });
    return registerPlugin(
      this.pluginDeps,
      runtime,
      definitionOf(runtime, { endpoint: input.endpoint, timeoutMs }),
      actor,
    );
  }

  deregisterPlugin(name: string, actor?: string): Promise<PluginDoc> {
    return deregisterPlugin(this.pluginDeps, name, null, actor);
  }

  executeOperation(input: ExecuteOperationInput) {
    return executeOperation(
      {
        ...this.pluginDeps,
        protocols: this.protocols,
        gate: this.gate,
        workspaceRoot: this.config.workspaceRoot,
        stepTimeoutMs: this.config.stepTimeoutMs,
        planTimeoutMs: this.config.planTimeoutMs,
        feed: this.feed,
        llmPlanner: this.llmPlanner,
      },
      input,
    );
  }

  executeSkill(input: ExecuteSkillInput): Promise<SkillExecutionResult> {
    return executeSkill(
      { skillsDir: this.config.skillsDir, readModel: this.readModel, execute: (i) => this.executeOperation(i) },
      input,
    );
  }

  /** Every skill folder, whether it loads (same checks as `npm run skills:check`) and its recorded outcomes. */
  async skillsView(): Promise<SkillView[]> {
    return skillsView(await loadAllSkills(this.config.skillsDir), this.readModel);
  }

  protocolsView(): ProtocolView[] {
    return protocolsView(this.protocols);
  }

  validateModulePath(path: unknown, actor?: string) {
    return validateModulePath(
      { store: this.store, clock: this.clock, ids: this.ids, workspaceRoot: this.config.workspaceRoot },
      path,
      actor,
    );
  }

  events(fromPosition = 0n, limit = 100): Promise<RecordedEvent[]> {
    return this.store.readAll({ fromPosition, limit });
  }

  async rebuildProjections() {
    // Admissions wait: a rate limit read from a half-rebuilt throttle projection would count too few executions.
    const report = await this.gate.run(() => this.runner.rebuild());
    return { ...report, digest: await this.digest() };
  }

  digest(): Promise<string> {
    return readModelDigest(this.readModel, allProjections);
  }

  /** Every remote plugin is checked against the current allow-list, whether new or restored from the log. */
  private remoteRuntime(def: RemotePluginInput & { timeoutMs: number }): RemotePlugin {
    return new RemotePlugin(def, { allowList: this.config.remoteAllowList });
  }

  /** Remote plugins are pure data, so they come back from the log after a restart; in-process ones must re-register. */
  private async restoreRemotePlugins(): Promise<void> {
    const docs = await this.readModel.find<PluginDoc>(PLUGINS, { where: { status: 'REGISTERED', kind: 'remote' } });
    for (const d of docs) {
      if (!d.endpoint) continue;
      try {
        const def = {
          name: d.name,
          operationTypes: d.operationTypes,
          tools: d.tools,
          endpoint: d.endpoint,
          timeoutMs: d.timeoutMs ?? 10_000,
        };
        this.registry.set(this.remoteRuntime(def));
      } catch (e) {
        // The allow-list may have been narrowed since registration: such a plugin stays unavailable, not trusted.
        console.warn(`[wre] remote plugin ${d.name} not restored: ${errorMessage(e)}`);
      }
    }
  }

  async close(): Promise<void> {
    await this.feed.stop();
    await this.runner.stop();
    await this.store.close();
    await this.readModel.close();
  }
}
