// Test support only; excluded from the production build by tsconfig.build.json (**/testing/**).
import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JsonObject, JsonValue } from '#kernel';
import type { RuntimePlugin } from '../../../plugin.types.js';
import type { ComputedPlan } from '#domain';

/** Test-only: plans an operation and runs its steps in order, as the orchestrator would, threading outputs. */
export async function planAndRun(
  plugin: RuntimePlugin,
  workspaceRoot: string,
  type: string,
  params: JsonObject,
): Promise<{ plan: ComputedPlan; outputs: JsonValue[] }> {
  if (!plugin.plan) throw new Error(`${plugin.name} cannot plan`);
  const operation = { type, params };
  const plan = await plugin.plan(operation);
  const outputs: JsonValue[] = [];
  for (const [stepIndex, step] of plan.steps.entries()) {
    outputs.push(
      await plugin.runStep(step, {
        executionId: 'exec-test',
        stepIndex,
        workspaceRoot,
        operation,
        previousOutputs: [...outputs],
      }),
    );
  }
  return { plan, outputs };
}

/** Test-only: a fresh real temp directory with a `ws` workspace and an `outside` sibling. */
export async function tempWorkspace(
  prefix: string,
): Promise<{ base: string; root: string; outside: string; cleanup: () => Promise<void> }> {
  const base = await realpath(await mkdtemp(path.join(tmpdir(), prefix)));
  const root = path.join(base, 'ws');
  const outside = path.join(base, 'outside');
  await mkdir(root);
  await mkdir(outside);
  return { base, root, outside, cleanup: () => rm(base, { recursive: true, force: true }) };
}
