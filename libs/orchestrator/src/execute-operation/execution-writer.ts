import { withMetadata, type Clock, type RecordedEvent } from '#kernel';
import type { EventStore, ExpectedRevision } from '#stores/event-store';
import {
  decideExecution,
  evolveExecution,
  initialExecutionState,
  type ExecutionCommand,
  type ExecutionEvent,
  type ExecutionState,
  executionStream,
} from '#domain';
import { loadStream } from '../runtime/load-stream.js';

/** Recorded on every event of the execution: the principal as actor, its tenant, and a claimed agent if any. */
export interface WriterIdentity {
  actor: string;
  tenant: string;
  agent?: string;
}

/**
 * Decides and appends for one execution stream, tracking the revision so each append states exactly what it
 * expects. Every phase has its own sub-command id, so event ids are deterministic and a resent phase is a no-op.
 */
export class ExecutionWriter {
  private constructor(
    private readonly store: EventStore,
    readonly stream: string,
    readonly executionId: string,
    private readonly commandId: string,
    private readonly who: WriterIdentity,
    private readonly clock: Clock,
    public state: ExecutionState,
    private revision: ExpectedRevision,
    public lastPosition: bigint,
  ) {}

  /** Whether the last append wrote anything (false: the same events were already stored by someone else). */
  lastWritten = false;

  static async load(
    store: EventStore,
    executionId: string,
    commandId: string,
    who: WriterIdentity,
    clock: Clock,
  ): Promise<ExecutionWriter> {
    const stream = executionStream(executionId);
    const loaded = await loadStream<ExecutionState, ExecutionEvent>(
      store,
      stream,
      initialExecutionState,
      (s, e, r: RecordedEvent) => evolveExecution(s, e, r.metadata.occurredAt),
    );
    return new ExecutionWriter(
      store,
      stream,
      executionId,
      commandId,
      who,
      clock,
      loaded.state,
      loaded.revision,
      loaded.lastPosition,
    );
  }

  /** The tenant the execution belongs to (its workspace, its memory). */
  get tenant(): string {
    return this.who.tenant;
  }

  now(): string {
    return this.clock.now().toISOString();
  }

  async do(command: ExecutionCommand, phase: string): Promise<ExecutionEvent[]> {
    const events = decideExecution(command, this.state);
    if (events.length === 0) return events;
    const ctx = {
      commandId: `${this.commandId}#${phase}`,
      correlationId: this.executionId,
      causationId: this.commandId,
      ...this.who,
    };
    const stamped = withMetadata(events, ctx, this.clock);
    const result = await this.store.appendToStream(this.stream, stamped, { expectedRevision: this.revision });
    this.revision = result.nextExpectedRevision;
    this.lastPosition = result.position;
    this.lastWritten = result.written;
    for (const e of stamped)
      this.state = evolveExecution(this.state, e as unknown as ExecutionEvent, e.metadata.occurredAt);
    return events;
  }
}
