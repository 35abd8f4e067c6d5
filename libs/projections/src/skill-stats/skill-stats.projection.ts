import type { RecordedEvent } from '#kernel';
import { executionIdOf, type ExecutionEvent } from '#domain';
import type { Projection, ReadModelTx } from '#stores/read-model';
import { SKILL_STATS, type SkillStatsDoc } from './skill-stats.doc.js';

const SKILL_EXEC = 'skill_stats_exec';

const empty = (name: string): SkillStatsDoc => ({
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
  version: 1,
  handles: ['SkillLoadFailed', 'OperationRequested', 'OperationThrottled', 'ExecutionSucceeded', 'ExecutionFailed'],
  collections: [SKILL_STATS, SKILL_EXEC],
  async apply(recorded: RecordedEvent, tx: ReadModelTx) {
    const event = recorded as unknown as ExecutionEvent;
    const executionId = executionIdOf(recorded.streamId);
    let name: string | undefined;
    if (event.type === 'SkillLoadFailed') name = event.data.skill;
    else if (event.type === 'OperationRequested' || event.type === 'OperationThrottled') name = event.data.skill?.name;
    else name = (await tx.get<{ name: string }>(SKILL_EXEC, executionId))?.name;
    if (name === undefined) return;
    const s = (await tx.get<SkillStatsDoc>(SKILL_STATS, name)) ?? empty(name);
    if (
      (event.type === 'OperationRequested' || event.type === 'OperationThrottled') &&
      event.data.skill?.constraints &&
      !event.data.skill.fallbackUsed
    ) {
      const { operationType, plugin } = event.data;
      s.lastGood = {
        contentHash: event.data.skill.contentHash,
        operationType,
        plugin,
        constraints: event.data.skill.constraints,
      };
    }
    switch (event.type) {
      case 'SkillLoadFailed':
        s.loadFailures += 1;
        s.lastFailure = { code: event.data.code, reason: event.data.reason };
        break;
      case 'OperationRequested':
        s.executions += 1;
        if (event.data.skill?.fallbackUsed) s.fallbacks += 1;
        await tx.put(SKILL_EXEC, executionId, { name });
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
    await tx.put(SKILL_STATS, name, s);
  },
};
