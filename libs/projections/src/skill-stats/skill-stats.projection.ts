import { tenantOf, type RecordedEvent } from '#kernel';
import { executionIdOf, type ExecutionEvent } from '#domain';
import type { Projection, ReadModelTx } from '#stores/read-model';
import { tenantKey } from '../tenant-scope.js';
import { SKILL_STATS, type SkillStatsDoc } from './skill-stats.doc.js';

const SKILL_EXEC = 'skill_stats_exec';

/** What a running execution counts towards, kept from its request until it ends. */
interface ExecLink {
  tenant: string;
  name: string;
}

const empty = ({ tenant, name }: ExecLink): SkillStatsDoc => ({
  tenant,
  name,
  executions: 0,
  succeeded: 0,
  failed: 0,
  blocked: 0,
  throttled: 0,
  fallbacks: 0,
  loadFailures: 0,
  lastFailure: null,
  lastGood: null,
});

export const skillStatsProjection: Projection = {
  name: 'skill-stats',
  // 2: outcomes are kept per tenant; lastFailure and lastGood record their position.
  version: 2,
  handles: ['SkillLoadFailed', 'OperationRequested', 'OperationThrottled', 'ExecutionSucceeded', 'ExecutionFailed'],
  collections: [SKILL_STATS, SKILL_EXEC],
  indexes: [
    { collection: SKILL_STATS, field: 'tenant' },
    { collection: SKILL_STATS, field: 'name' },
  ],
  async apply(recorded: RecordedEvent, tx: ReadModelTx) {
    const event = recorded as unknown as ExecutionEvent;
    const executionId = executionIdOf(recorded.streamId);
    const tenant = tenantOf(recorded.metadata);
    // Later events count for the tenant of the request, whoever wrote them (recovery writes as the service).
    let link: ExecLink | null;
    if (event.type === 'SkillLoadFailed') link = { tenant, name: event.data.skill };
    else if (event.type === 'OperationRequested' || event.type === 'OperationThrottled') {
      link = event.data.skill ? { tenant, name: event.data.skill.name } : null;
    } else link = await tx.get<ExecLink>(SKILL_EXEC, executionId);
    if (!link) return;
    const id = tenantKey(link.tenant, link.name);
    const position = recorded.position.toString().padStart(20, '0');
    const s = (await tx.get<SkillStatsDoc>(SKILL_STATS, id)) ?? empty(link);
    if (
      (event.type === 'OperationRequested' || event.type === 'OperationThrottled') &&
      event.data.skill?.constraints &&
      !event.data.skill.fallbackUsed
    ) {
      const { operationType, plugin } = event.data;
      const { contentHash, constraints } = event.data.skill;
      s.lastGood = { contentHash, operationType, plugin, constraints, position };
    }
    switch (event.type) {
      case 'SkillLoadFailed':
        s.loadFailures += 1;
        s.lastFailure = { code: event.data.code, reason: event.data.reason, position };
        break;
      case 'OperationRequested':
        s.executions += 1;
        if (event.data.skill?.fallbackUsed) s.fallbacks += 1;
        await tx.put(SKILL_EXEC, executionId, link);
        break;
      case 'OperationThrottled':
        s.throttled += 1;
        break;
      case 'ExecutionSucceeded':
        s.succeeded += 1;
        await tx.delete(SKILL_EXEC, executionId);
        break;
      case 'ExecutionFailed':
        if (event.data.status === 'BLOCKED') s.blocked += 1;
        else s.failed += 1;
        await tx.delete(SKILL_EXEC, executionId);
        break;
      default:
        return;
    }
    await tx.put(SKILL_STATS, id, s);
  },
};
