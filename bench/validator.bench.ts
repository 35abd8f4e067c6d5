/**
 * Protocol validator latency: one decision = every applicable rule consulted for one plan step (the worst case,
 * since an allowed step consults all of them). Compared in the same process with the built-in protocols alone and
 * with 100 rules that do nothing (the evaluator's own overhead). Run with `npm run bench:validator`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  decideAdmission,
  evaluateStep,
  ProtocolSet,
  type ProtocolDefinition,
  type Rule,
  type RuleSpec,
  type StepCheck,
} from '#validation';
import type { ToolDefinition } from '#domain';
import { machineInfo, median, RESULTS_DIR, writeSection } from './lib/benchmarks-md.js';

const DECISIONS = 20_000;
const RUNS = 5;
const TOOLS: ToolDefinition[] = [
  {
    name: 'write_file',
    argsSchema: {
      type: 'object',
      required: ['path', 'content'],
      additionalProperties: false,
      properties: { path: { type: 'string', maxLength: 512 }, content: { type: 'string' } },
    },
  },
  { name: 'create_directory', argsSchema: { type: 'object', properties: { path: { type: 'string' } } } },
];

/** 100 rules in total with the built-ins; `pathRules` of them resolve the step's path on disk (realpath). */
function protocolWith(total: number, pathRules: number): ProtocolDefinition {
  const rules: RuleSpec[] = [];
  const builtins = ProtocolSet.compile().stepRules.length;
  for (let i = 0; rules.length < total - builtins; i++) {
    const id = `r${i}`;
    if (i < pathRules) rules.push({ id, kind: 'path-containment' });
    else if (i % 6 === 0) rules.push({ id, kind: 'tool-deny', tools: [`forbidden_${i}`, `danger_${i}_*`] });
    else if (i % 6 === 1)
      rules.push({ id, kind: 'tool-allow', tools: ['write_file', 'create_*'], when: { operationTypes: ['module_*'] } });
    else if (i % 6 === 2)
      rules.push({
        id,
        kind: 'args-schema',
        when: { tools: ['write_file'] },
        schema: { type: 'object', properties: { path: { type: 'string', pattern: '^modules/' } } },
      });
    else if (i % 6 === 3) rules.push({ id, kind: 'module-layout' });
    else if (i % 6 === 4) rules.push({ id, kind: 'max-steps', max: 100 + i });
    else rules.push({ id, kind: 'token-budget', max: 10_000 + i });
  }
  return { id: 'BENCH-1', title: 'bench', source: 'bench', rules };
}

function time(rules: readonly Rule[], input: StepCheck): { perDecisionUs: number; consulted: number } {
  const perRun: number[] = [];
  let consulted = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < DECISIONS; i++) {
      const v = evaluateStep(rules, input);
      if (!v.allowed) throw new Error(`bench step denied by ${v.deniedBy}: ${v.reason}`);
      consulted = v.citations.length;
    }
    perRun.push(((performance.now() - t0) * 1000) / DECISIONS);
  }
  return { perDecisionUs: Math.round(median(perRun) * 100) / 100, consulted };
}

function main(): void {
  const root = mkdtempSync(join(tmpdir(), 'wre-bench-validator-'));
  try {
    mkdirSync(join(root, 'modules', 'core', 'auth', 'src'), { recursive: true });
    writeFileSync(join(root, 'modules', 'core', 'auth', 'src', 'index.ts'), '');
    const step = { tool: 'write_file', args: { path: 'modules/core/auth/src/index.ts', content: 'export {};\n' } };
    const input: StepCheck = {
      operation: { type: 'module_creation', params: { name: 'auth', domain: 'core' } },
      plugin: { name: 'module_scaffolder', tools: TOOLS, registered: true },
      step,
      stepIndex: 0,
      source: 'computed',
      plan: { steps: [step], tokens: { prompt: 1200, completion: 300, total: 1500 } },
      workspaceRoot: root,
      approvals: [],
      skill: null,
    };
    const noop: Rule[] = Array.from({ length: 100 }, (_, i) => ({
      id: `NOOP-1/r${i}`,
      kind: 'tool-deny',
      applies: () => true,
      check: () => ({ allowed: true }),
    }));
    const noopChain: Rule[] = [...ProtocolSet.compile().stepRules.slice(0, 4), ...noop.slice(4)];
    const cases = [
      { name: 'evaluator overhead: 100 no-op rules', rules: noopChain },
      { name: 'built-in protocols only', rules: ProtocolSet.compile().stepRules },
      { name: '100 rules, 1 path rule (built-in)', rules: ProtocolSet.compile([protocolWith(100, 0)]).stepRules },
      {
        name: '100 rules, 21 path rules (one disk resolution per path, shared)',
        rules: ProtocolSet.compile([protocolWith(100, 20)]).stepRules,
      },
    ].map((c) => ({ ...c, ...time(c.rules, input) }));
    const limits = Array.from({ length: 10 }, (_, i) => ({
      id: `BENCH-1/rate${i}`,
      scope: { operationTypes: ['module_*'] },
      max: 1000,
      windowMs: 3_600_000,
    }));
    const history = Array.from({ length: 999 }, (_, i) => Date.now() - i * 1000).reverse();
    const t0 = performance.now();
    for (let i = 0; i < DECISIONS; i++)
      decideAdmission(
        limits,
        { operationType: 'module_creation', plugin: 'p', skill: null },
        () => history,
        Date.now(),
      );
    const admissionUs = Math.round(((performance.now() - t0) * 1000 * 100) / DECISIONS) / 100;

    const machine = machineInfo();
    const base = cases[0]!.perDecisionUs;
    const lines = [
      '## Protocol validator — `npm run bench:validator`',
      '',
      `One decision = all applicable rules for one \`write_file\` step (allowed, so every rule is consulted); median of ${RUNS} runs × ${DECISIONS.toLocaleString('en-US')} decisions; ${new Date().toISOString().slice(0, 10)}.`,
      `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}. Target: < 1 ms (1000 µs) per decision with 100 rules.`,
      '',
      '| rule set | rules consulted (citations) | µs / decision | × no-op baseline |',
      '|---|---:|---:|---:|',
      ...cases.map(
        (c) => `| ${c.name} | ${c.consulted} | ${c.perDecisionUs} | ${(c.perDecisionUs / base).toFixed(1)} |`,
      ),
      '',
      `Admission (rate limits): 10 limits over a 999-entry history, ${admissionUs} µs / decision.`,
    ];
    console.log(lines.join('\n'));
    writeFileSync(
      join(RESULTS_DIR, 'validator.json'),
      `${JSON.stringify({ date: new Date().toISOString(), machine, decisions: DECISIONS, runs: RUNS, cases: cases.map(({ rules: _r, ...c }) => c), admissionUs }, null, 2)}\n`,
    );
    writeSection('30-validator', lines.join('\n'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main();
