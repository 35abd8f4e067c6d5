import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { executionStream } from '#domain';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toRuntimePlugin } from '#plugins';
import {
  loadConfig,
  bootRuntime,
  closeRuntime,
  executeSkill,
  registerPlugin,
  listSkills,
  type WreRuntime,
} from '../src/index.js';

const skillFile = (front: string, body = 'Echo the text back.') => `---\n${front}\n---\n${body}\n`;
const seen: (string | undefined)[] = [];
const echo = {
  operationTypes: ['echo'],
  plan: (op: { params: Record<string, unknown>; instructions?: string }) => {
    seen.push(op.instructions);
    return {
      steps: [{ tool: 'execute', args: { ...op.params } }],
      planner: 'test',
      tokens: { prompt: 0, completion: 0, total: 0 },
    };
  },
  execute: (task: Record<string, unknown>) => ({ echoed: task.text ?? null }),
};

describe('executeSkill: skills loaded leniently, enforced like protocols', () => {
  let dir: string;
  let rt: WreRuntime;
  const skills = () => join(dir, 'skills');
  const put = (name: string, file: string, text: string) => {
    mkdirSync(join(skills(), name), { recursive: true });
    writeFileSync(join(skills(), name, file), text);
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wre-skill-'));
    seen.length = 0;
    put(
      'echo_twice',
      'SKILLz.md',
      skillFile(
        'name: echo_twice\ndescription: Echo, at most twice an hour.\noperation_types: [echo]\nallowed-tools: [execute]\nthrottle: { max: 2, window: 1h }',
      ),
    );
    put('echo_twice', 'SKILL.md', skillFile('name: echo_twice\ndescription: the older file, not used'));
    put(
      'no_tools',
      'SKILL.md',
      skillFile('name: no_tools\ndescription: Allows no tool at all.\noperation_types: [echo]\nallowed-tools: []'),
    );
    put('echo', 'SKILL.md', '---\nname: echo\ndescription: [unclosed\n---\nbody\n');
    const config = loadConfig(
      {
        WRE_EVENT_STORE: `sqlite:${join(dir, 'e.db')}`,
        WRE_PATTERN_MEMORY_DB: join(dir, 'r.db'),
        WRE_WORKSPACE: join(dir, 'ws'),
        WRE_SKILLS_DIR: skills(),
      },
      dir,
    );
    rt = await bootRuntime(config, { builtins: false });
    await registerPlugin(rt, toRuntimePlugin(echo, 'echo'));
  });
  afterEach(async () => {
    await closeRuntime(rt);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a skill with its instructions, then throttles it by its own limit; fidelity comes from outcomes', async () => {
    const first = await executeSkill(rt, { skillName: 'echo_twice', agent: '0102', inputContext: { text: 'hi' } });
    expect(first).toMatchObject({
      success: true,
      throttled: false,
      blocked: false,
      fallbackUsed: false,
      blockedBy: null,
    });
    expect(Number.isInteger(first.executionTimeMs)).toBe(true);
    expect(seen).toEqual(['Echo the text back.']);
    expect(first.execution).toMatchObject({
      skill: { name: 'echo_twice', agent: '0102', format: 'SKILLz.md', fallbackUsed: false },
    });
    expect(first.execution.citations).toContain('skill:echo_twice/allowed-tools');
    expect(first.execution.citations[0]).toBe('skill:echo_twice/throttle');
    const second = await executeSkill(rt, { skillName: 'echo_twice', agent: '0102', inputContext: { text: 'again' } });
    // Wilson lower bound of 1/1 and 2/2: grows with evidence, never the upstream constant.
    expect(first.patternFidelity).toBeCloseTo(0.2065, 3);
    expect(second.patternFidelity).toBeCloseTo(0.3424, 3);

    const third = await executeSkill(rt, { skillName: 'echo_twice', agent: '0102', inputContext: { text: 'more' } });
    expect(third).toMatchObject({
      success: false,
      throttled: true,
      blockedBy: 'skill:echo_twice/throttle',
      reason: expect.stringContaining('limit of 2'),
    });
    const forced = await executeSkill(rt, {
      skillName: 'echo_twice',
      agent: '0102',
      inputContext: { text: 'now' },
      force: true,
    });
    expect(forced).toMatchObject({ success: true, execution: { forced: { ruleId: 'skill:echo_twice/throttle' } } });
    const [stats] = (await listSkills(rt)).filter((s) => s.name === 'echo_twice');
    expect(stats).toMatchObject({ ok: true, executions: 3, succeeded: 3, throttled: 1, fallbacks: 0 });
  });

  it("blocks a step outside the skill's allowed tools before it runs, naming the rule", async () => {
    const r = await executeSkill(rt, { skillName: 'no_tools', agent: 'a', inputContext: { text: 'x' } });
    expect(r).toMatchObject({ success: false, blocked: true, blockedBy: 'skill:no_tools/allowed-tools' });
    expect(r.execution.steps).toEqual([expect.objectContaining({ status: 'BLOCKED' })]);
  });

  it('falls back on a broken skill: generated instructions run, SkillLoadFailed records why', async () => {
    const r = await executeSkill(rt, { skillName: 'echo', agent: 'a', inputContext: { text: 'x' } });
    expect(r).toMatchObject({
      success: true,
      fallbackUsed: true,
      execution: { skill: { fallbackUsed: true, fallbackReason: expect.any(String) } },
    });
    expect(seen[0]).toContain('echo');
    const events = await rt.store.readStream(executionStream(r.executionId));
    expect(events[0]).toMatchObject({
      type: 'SkillLoadFailed',
      data: { skill: 'echo', code: 'SKILL_YAML_INVALID', file: 'echo/SKILL.md', line: expect.any(Number) },
    });
    // Deterministic fallback: the same request shape gets the same instructions (the plan itself is recalled now).
    const again = await executeSkill(rt, { skillName: 'echo', agent: 'a', inputContext: { text: 'y' } });
    const requested = async (id: string) =>
      (await rt.store.readStream(executionStream(id))).find((e) => e.type === 'OperationRequested')!;
    const [a, b] = [await requested(r.executionId), await requested(again.executionId)];
    expect((b.data as { skill: { instructionsHash: string } }).skill.instructionsHash).toBe(
      (a.data as { skill: { instructionsHash: string } }).skill.instructionsHash,
    );
    expect(again.execution.recalled).toBe(true);
    expect((await listSkills(rt)).find((s) => s.name === 'echo')).toMatchObject({
      ok: false,
      code: 'SKILL_YAML_INVALID',
      fallbacks: 2,
    });
  });

  it('keeps the last loaded tool list and throttle when a skill file breaks later', async () => {
    for (const text of ['a', 'b'])
      expect((await executeSkill(rt, { skillName: 'echo_twice', agent: 'a', inputContext: { text } })).success).toBe(
        true,
      );
    put('echo_twice', 'SKILLz.md', '---\nname: echo_twice\ndescription: [typo\n---\n');
    put('echo_twice', 'SKILL.md', 'not a skill');
    const r = await executeSkill(rt, { skillName: 'echo_twice', agent: 'a', inputContext: { text: 'c' } });
    expect(r).toMatchObject({ fallbackUsed: true, throttled: true, blockedBy: 'skill:echo_twice/throttle' });
    expect(r.execution).toMatchObject({
      operationType: 'echo',
      skill: { fallbackReason: expect.stringContaining('last loaded allowed-tools and throttle still apply') },
    });
  });

  it('refuses bad names and contexts with typed errors, and says why a fallback cannot run', async () => {
    await expect(executeSkill(rt, { skillName: '../../etc', agent: 'a' })).rejects.toMatchObject({
      code: 'SKILL_NAME_INVALID',
    });
    await expect(executeSkill(rt, { skillName: 'echo', agent: 'no spaces allowed' })).rejects.toMatchObject({
      code: 'AGENT_INVALID',
    });
    await expect(executeSkill(rt, { skillName: 'echo', agent: 'a', inputContext: [1] })).rejects.toMatchObject({
      code: 'PARAMS_INVALID',
    });
    await expect(executeSkill(rt, { skillName: 'missing_skill', agent: 'a' })).rejects.toMatchObject({
      code: 'SKILL_UNRESOLVED',
      message: expect.stringContaining('no registered plugin handles operation type "missing_skill"'),
    });
  });
});
