import { tenantOf, type RecordedEvent } from '#kernel';
import { addTokens, EXECUTION_EVENT_TYPES, executionIdOf, type ExecutionEvent } from '#domain';
import type { Projection, ReadModelTx } from '#stores/read-model';
import { EXECUTIONS, type ExecutionDoc } from './execution.doc.js';

const addCitations = (doc: ExecutionDoc, citations: string[]): string[] => [
  ...new Set([...doc.citations, ...citations]),
];

/** One document per execution with its plan, step outcomes and citations, as the API shows it. */
export const executionsProjection: Projection = {
  name: 'executions',
  // 4: every execution records its tenant.
  version: 4,
  handles: EXECUTION_EVENT_TYPES,
  collections: [EXECUTIONS],
  indexes: [
    { collection: EXECUTIONS, field: 'tenant' },
    { collection: EXECUTIONS, field: 'operationType' },
    { collection: EXECUTIONS, field: 'position' },
  ],
  async apply(recorded: RecordedEvent, tx: ReadModelTx) {
    const event = recorded as unknown as ExecutionEvent;
    const id = executionIdOf(recorded.streamId);
    const at = recorded.metadata.occurredAt;
    if (event.type === 'OperationRequested' || event.type === 'OperationThrottled') {
      const d = event.data;
      const doc: ExecutionDoc = {
        id,
        tenant: tenantOf(recorded.metadata),
        operationType: d.operationType,
        plugin: d.plugin,
        params: d.params,
        status: 'RUNNING',
        recalled: false,
        patternId: null,
        planner: null,
        tokens: { prompt: 0, completion: 0, total: 0 },
        citations: [],
        steps: [],
        result: null,
        error: null,
        durationMs: null,
        requestedAt: at,
        finishedAt: null,
        position: recorded.position.toString().padStart(20, '0'),
        forced: null,
        throttle: null,
        approvals: [],
        skill: d.skill ?? null,
      };
      if (event.type === 'OperationRequested') {
        doc.citations = event.data.admission ?? [];
        doc.forced = event.data.throttleOverride ?? null;
        doc.approvals = event.data.approvals ?? [];
      } else {
        const { ruleId, reason, retryAfterMs, citations } = event.data;
        Object.assign(doc, {
          status: 'THROTTLED',
          citations,
          throttle: { ruleId, reason, retryAfterMs },
          durationMs: 0,
          finishedAt: at,
        });
        doc.error = { code: 'THROTTLED', message: `${ruleId}: ${reason}; retry after ${retryAfterMs} ms` };
      }
      return tx.put(EXECUTIONS, id, doc);
    }
    const doc = await tx.get<ExecutionDoc>(EXECUTIONS, id);
    if (!doc) return;
    const step = (i: number) => doc.steps[i];
    switch (event.type) {
      case 'PatternRecalled':
      case 'PlanComputed': {
        doc.steps = event.data.steps.map((s) => ({
          ...s,
          status: 'PENDING',
          output: null,
          error: null,
          citations: [],
        }));
        // Refused answers before this plan (PlanRejected) were already added: tokens are what planning cost in all.
        doc.tokens = addTokens(doc.tokens, event.data.tokens);
        if (event.type === 'PatternRecalled') {
          doc.recalled = true;
          doc.patternId = event.data.patternId;
          doc.planner = 'pattern-memory';
        } else doc.planner = event.data.planner;
        break;
      }
      case 'PlanStepsResolved':
        doc.steps.push(
          ...event.data.steps.map((s) => ({
            ...s,
            status: 'PENDING' as const,
            output: null,
            error: null,
            citations: [],
          })),
        );
        break;
      case 'PlanRejected':
        doc.tokens = addTokens(doc.tokens, event.data.tokens);
        break;
      case 'ValidationPassed':
      case 'ValidationFailed': {
        const s = step(event.data.stepIndex);
        if (s) s.citations = event.data.citations;
        if (s && event.type === 'ValidationFailed') {
          s.status = 'BLOCKED';
          s.error = { code: 'VALIDATION_FAILED', message: `${event.data.deniedBy}: ${event.data.reason}` };
        }
        doc.citations = addCitations(doc, event.data.citations);
        break;
      }
      case 'StepSucceeded':
      case 'StepFailed': {
        const s = step(event.data.stepIndex);
        if (!s) break;
        s.status = event.type === 'StepSucceeded' ? 'SUCCEEDED' : 'FAILED';
        if (event.type === 'StepSucceeded') s.output = event.data.output;
        else s.error = event.data.error;
        break;
      }
      case 'ExecutionSucceeded':
        Object.assign(doc, {
          status: 'SUCCEEDED',
          result: event.data.result,
          durationMs: event.data.durationMs,
          finishedAt: at,
        });
        break;
      case 'ExecutionFailed':
        Object.assign(doc, {
          status: event.data.status,
          error: event.data.error,
          durationMs: event.data.durationMs,
          finishedAt: at,
        });
        for (const s of doc.steps) if (s.status === 'PENDING') s.status = 'SKIPPED';
        break;
    }
    await tx.put(EXECUTIONS, id, doc);
  },
};
