import { describe, expect, it } from '@jest/globals';
import { executionStream } from '#domain';
import { executionOf } from '#domain/testing';
import { projectionSpec } from '#stores/read-model/testing';
import { inTenants } from '../testing/in-tenants.fixture.js';
import { readModelOf } from '../testing/read-model-of.fixture.js';
import { executionsProjection } from './executions.projection.js';
import { listExecutions, runningExecutions } from './executions.queries.js';

const [a1, a2, b1, d1] = [executionOf('a1'), executionOf('a2'), executionOf('b1'), executionOf('d1')];
const tenants: Record<string, string> = {
  [executionStream('a1')]: 'acme',
  [executionStream('a2')]: 'acme',
  [executionStream('b1')]: 'globex',
};
const spec = projectionSpec(inTenants(executionsProjection, (event) => tenants[event.streamId]));
const create = { operationType: 'module_creation', plugin: 'scaffolder' };
const cleanup = { operationType: 'cleanup', plugin: 'cleaner' };

/** d1 was requested before tenants existed; a1, b1 and d1 ended, a2 still runs. */
const store = async () =>
  readModelOf(
    await spec
      .given(d1.requested(create), d1.succeeded(), a1.requested(create), a1.succeeded())
      .when(b1.requested(create), b1.succeeded(), a2.requested(cleanup))
      .documents(),
  );
const ids = (docs: { id: string }[]) => docs.map((d) => d.id);

describe('executions queries', () => {
  it('list one tenant newest first, or every tenant for null', async () => {
    const rm = await store();
    expect(ids(await listExecutions(rm, 'acme'))).toEqual(['a2', 'a1']);
    expect(ids(await listExecutions(rm, 'globex'))).toEqual(['b1']);
    expect(ids(await listExecutions(rm, 'default'))).toEqual(['d1']);
    expect(ids(await listExecutions(rm, 'initech'))).toEqual([]);
    expect(ids(await listExecutions(rm, null))).toEqual(['a2', 'b1', 'a1', 'd1']);
  });

  it('narrow by operation type and page within the tenant', async () => {
    const rm = await store();
    expect(ids(await listExecutions(rm, 'acme', 'module_creation'))).toEqual(['a1']);
    expect(ids(await listExecutions(rm, null, 'module_creation', 2))).toEqual(['b1', 'a1']);
    expect(ids(await listExecutions(rm, 'globex', 'cleanup'))).toEqual([]);
  });

  it('find running executions of one tenant or of all', async () => {
    const rm = await store();
    expect(ids(await runningExecutions(rm, 'acme'))).toEqual(['a2']);
    expect(ids(await runningExecutions(rm, 'globex'))).toEqual([]);
    expect(ids(await runningExecutions(rm, null))).toEqual(['a2']);
  });
});
