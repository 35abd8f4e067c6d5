import type { Clock, IdGenerator } from '#kernel';
import type { EventStore } from '#stores/event-store';
import type { Projection, ReadModelStore } from '#stores/read-model';
import type { Projector } from '#projections';
import type { PatternSealer } from '#pattern-memory';
import type { Planner } from '#planners';
import type { ProtocolSet } from '#validation';
import type { WreConfig } from '../config/index.js';
import type { AdmissionGate } from './admission-gate.js';
import type { LiveFeed } from './live-feed.js';
import type { PluginRegistry } from './plugin-registry.js';

/**
 * Everything the use cases run against, opened once per process by `bootRuntime`: a plain record, so a use case
 * states what it needs (`Pick<WreRuntime, …>`) and the Nest app, the in-process facade, the worker and the tests
 * all pass the same object to the same functions.
 */
export interface WreRuntime {
  readonly config: WreConfig;
  /** The source of truth: every execution, plugin registration and validation is an event here. */
  readonly store: EventStore;
  /** Where the projections keep their documents (pattern memory, executions, plugins, statistics). */
  readonly readModel: ReadModelStore;
  /** Keeps the read models current; `waitFor(position)` gives read-your-writes. */
  readonly projector: Projector;
  readonly projections: readonly Projection[];
  /** Seals and checks pattern documents with the service secret (a pattern whose seal fails is never served). */
  readonly sealer: PatternSealer;
  /** WRE_SECRET or `<data dir>/secret.key`; plugin signing secrets are derived from it. Never logged. */
  readonly serviceSecret: string;
  /** Live events from the store subscription, for GraphQL subscriptions and resends waiting on an outcome. */
  readonly feed: LiveFeed;
  /** The protocols in force: every step is validated against them before it runs. */
  readonly protocols: ProtocolSet;
  /** Plugin code runnable in this process (the log says what is registered; this says what can run here). */
  readonly plugins: PluginRegistry;
  /** Serialises admissions under rate limits (each decision must see the ones before it). */
  readonly admissions: AdmissionGate;
  /** The configured LLM planner (WRE_PLANNER) for plugins without their own plan(), or null. */
  readonly llmPlanner: Planner | null;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}
