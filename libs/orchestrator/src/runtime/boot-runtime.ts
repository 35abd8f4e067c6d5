import { existsSync, mkdirSync } from 'node:fs';
import { randomIds, systemClock, type Clock, type IdGenerator } from '#kernel';
import { builtinPlugins, toRuntimePlugin } from '#plugins';
import {
  BUILTIN_PROTOCOLS,
  CITATION_PROTOCOL,
  loadProtocolDir,
  ProtocolSet,
  type ProtocolDefinition,
} from '#validation';
import type { WreConfig } from '../config/index.js';
import { recoverInterrupted } from '../recover-interrupted/recover-interrupted.js';
import { registerPlugin } from '../register-plugin/register-plugin.js';
import { restoreRemotePlugins } from '../register-plugin/restore-remote-plugins.js';
import { patternSealer } from '#pattern-memory';
import { AdmissionGate } from './admission-gate.js';
import { allProjections } from './all-projections.js';
import { LiveFeed } from './live-feed.js';
import { openPlanner } from './open-planner.js';
import { openEventStore, openReadModel, projectorFor } from './open-stores.js';
import { PluginRegistry } from './plugin-registry.js';
import { loadServiceSecret } from './secrets.js';
import type { WreRuntime } from './wre-runtime.js';

export interface RuntimeOptions {
  clock?: Clock;
  ids?: IdGenerator;
  /** Register the built-in plugins at start (default true). */
  builtins?: boolean;
  /** Close executions a crashed process left RUNNING (default true; off for tools sharing a live store). */
  recoverInterrupted?: boolean;
  /** Protocols to use instead of loading `config.protocols.dir` (tests, embedding). */
  protocols?: ProtocolDefinition[];
}

/** Protocol files are checked before any store is opened: a bad file stops the start with nothing half-applied. */
async function loadProtocols(config: WreConfig, given: ProtocolDefinition[] | undefined): Promise<ProtocolSet> {
  const reservedIds = [...BUILTIN_PROTOCOLS.map((p) => p.id), CITATION_PROTOCOL.id];
  const required = config.protocols.required;
  return ProtocolSet.compile(given ?? (await loadProtocolDir(config.protocols.dir, { reservedIds, required })));
}

/**
 * Opens this process's runtime: protocols, the event store, the read model and whoever keeps it current, the live
 * feed, the planner; then closes executions a crashed process left behind, restores remote plugins from the log
 * and registers the built-in plugins. The Nest app, the in-process facade and the tests all start here.
 */
export async function bootRuntime(config: WreConfig, options: RuntimeOptions = {}): Promise<WreRuntime> {
  mkdirSync(config.workspaceRoot, { recursive: true });
  const protocols = await loadProtocols(config, options.protocols);
  // A data directory WRE creates is private: the stores hold every tenant's params and outputs.
  if (config.dataDir !== null && !existsSync(config.dataDir))
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const store = await openEventStore(config);
  const readModel = await openReadModel(config);
  const secret = loadServiceSecret(config);
  if (secret.source.kind === 'file' && secret.source.created)
    console.log(`[wre] generated the service secret into ${secret.source.path} (mode 0600); back it up with the data`);
  const sealer = patternSealer(secret.value);
  const projections = allProjections(sealer);
  const projector = await projectorFor(config, store, readModel, projections);
  const rt: WreRuntime = {
    config,
    store,
    readModel,
    projector,
    projections,
    sealer,
    serviceSecret: secret.value,
    feed: new LiveFeed(store),
    protocols,
    plugins: new PluginRegistry(),
    admissions: new AdmissionGate(),
    llmPlanner: openPlanner(config.planner, config.planTimeoutMs),
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
  };
  await projector.start();
  if (options.recoverInterrupted !== false) {
    const closed = await recoverInterrupted(rt, config.interruptedAfterMs);
    if (closed.length > 0) console.warn(`[wre] closed ${closed.length} interrupted execution(s) as INTERRUPTED`);
  }
  await rt.feed.start();
  await restoreRemotePlugins(rt);
  if (options.builtins !== false) {
    for (const plugin of builtinPlugins()) await registerPlugin(rt, toRuntimePlugin(plugin));
  }
  return rt;
}

/** Stops the feed and the projections, then closes both stores. */
export async function closeRuntime(rt: WreRuntime): Promise<void> {
  await rt.feed.stop();
  await rt.projector.stop();
  await rt.store.close();
  await rt.readModel.close();
}
