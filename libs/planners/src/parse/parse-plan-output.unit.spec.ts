import type { ToolDefinition } from '#domain';
import { fixtureTools, validPlanJson } from '../../test/plan-request.fixture.js';
import { parsePlanOutput } from './parse-plan-output.js';

const parse = (text: string, tools: readonly ToolDefinition[] = fixtureTools) => parsePlanOutput(text, tools);
const reasonOf = (text: string, tools?: readonly ToolDefinition[]): string => {
  const r = parse(text, tools);
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
};
const plan = (steps: unknown) => JSON.stringify({ steps });
const step = { tool: 'write_file', args: { path: 'a.ts', content: '' } };

describe('parsePlanOutput', () => {
  it('accepts a bare JSON plan', () => {
    expect(parse(validPlanJson)).toEqual({
      ok: true,
      steps: [{ tool: 'write_file', args: { path: 'src/billing/index.ts', content: 'export {};\n' } }],
    });
  });

  it('accepts a plan wrapped in a ```json fence (or a bare ``` fence), with surrounding whitespace', () => {
    expect(parse(`\n\`\`\`json\n${validPlanJson}\n\`\`\`\n`)).toMatchObject({
      ok: true,
      steps: [{ tool: 'write_file' }],
    });
    expect(parse(`\`\`\`\n${validPlanJson}\n\`\`\``)).toMatchObject({ ok: true });
  });

  it('ignores extra top-level keys', () => {
    expect(parse(JSON.stringify({ thoughts: 'easy', steps: [step] }))).toEqual({ ok: true, steps: [step] });
  });

  it('refuses an empty answer', () => {
    expect(reasonOf('  \n')).toBe('answer is empty; expected a JSON object {"steps":[...]}');
  });

  it('refuses text that is not JSON, echoing at most ~200 characters of it', () => {
    expect(reasonOf('Sure, here you go')).toBe('answer is not valid JSON: "Sure, here you go"');
    const long = reasonOf(`Plan: ${'x'.repeat(5000)}`);
    expect(long.length).toBeLessThan(260);
    expect(long).toMatch(/…"$/);
  });

  it('refuses JSON that is not an object with a steps array', () => {
    expect(reasonOf('[1,2]')).toBe('answer must be a JSON object {"steps":[...]}, got an array');
    expect(reasonOf('42')).toBe('answer must be a JSON object {"steps":[...]}, got number');
    expect(reasonOf('{"plan":[]}')).toBe('answer has no "steps" array');
    expect(reasonOf('{"steps":{"tool":"write_file"}}')).toBe('"steps" must be an array, got object');
  });

  it('refuses an empty plan and one over 1000 steps', () => {
    expect(reasonOf(plan([]))).toBe('"steps" is empty; a plan needs at least one step');
    expect(reasonOf(plan(Array.from({ length: 1001 }, () => step)))).toBe(
      'plan has 1001 steps; at most 1000 are allowed',
    );
    expect(parse(plan(Array.from({ length: 1000 }, () => step)))).toMatchObject({ ok: true });
  });

  it('refuses a step that is not an object, or lacks a string tool or an object args', () => {
    expect(reasonOf(plan(['write_file']))).toBe('steps[0] must be an object {"tool":...,"args":{...}}, got string');
    expect(reasonOf(plan([step, { args: {} }]))).toBe('steps[1].tool must be a string, got undefined');
    expect(reasonOf(plan([{ tool: 7, args: {} }]))).toBe('steps[0].tool must be a string, got number');
    expect(reasonOf(plan([{ tool: 'remove_file' }]))).toBe('steps[0].args must be an object, got undefined');
    expect(reasonOf(plan([{ tool: 'remove_file', args: ['a'] }]))).toBe(
      'steps[0].args must be an object, got an array',
    );
  });

  it('refuses extra keys in a step', () => {
    expect(reasonOf(plan([{ ...step, why: 'because', id: 1 }]))).toBe(
      'steps[0] has unexpected key(s) "why", "id"; a step has only "tool" and "args"',
    );
    expect(reasonOf('{"steps":[{"tool":"remove_file","args":{"path":"a"},"__proto__":{}}]}')).toContain(
      'unexpected key(s) "__proto__"',
    );
  });

  it('refuses an unknown tool, naming it and the valid tools', () => {
    expect(reasonOf(plan([step, { tool: 'rm_rf', args: {} }]))).toBe(
      'steps[1]: unknown tool "rm_rf"; valid tools: write_file, remove_file',
    );
  });

  it('truncates a long unknown tool name and a long list of valid tools', () => {
    const many: ToolDefinition[] = Array.from({ length: 100 }, (_, i) => ({
      name: `tool_number_${i}`,
      argsSchema: { type: 'object' },
    }));
    const reason = reasonOf(plan([{ tool: 'y'.repeat(500), args: {} }]), many);
    expect(reason).toContain(`unknown tool "${'y'.repeat(64)}…"`);
    expect(reason).toContain('valid tools: tool_number_0, tool_number_1');
    expect(reason).not.toContain('tool_number_99');
    expect(reason.length).toBeLessThan(400);
  });

  it('refuses args that fail the tool schema, describing the issues', () => {
    const reason = reasonOf(plan([{ tool: 'write_file', args: { path: '', content: 'x', mode: 7 } }]));
    expect(reason).toMatch(/^steps\[0\]: args for tool "write_file" are invalid: /);
    expect(reason).toContain('/path');
    expect(reason).toContain('/mode');
  });

  it('never throws, even on hostile input', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parse(deep).ok).toBe(false);
    expect(parse(`{"steps":[{"tool":"remove_file","args":${'{"a":'.repeat(200)}1${'}'.repeat(200)}}]}`).ok).toBe(false);
  });
});
