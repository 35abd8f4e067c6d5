/**
 * Protocol validator latency: one decision = every applicable rule consulted for one plan step (the worst case,
 * since an allowed step consults all of them). Compared in the same process with the built-in protocols alone and
 * with 100 rules that do nothing (the evaluator's own overhead). Run with `npm run bench:validator`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decideAdmission, evaluateStep, type Rule, type StepCheck } from '#validation';
import { publish, type BenchOptions } from '../lib/bench-options.js';
import { machineInfo } from '../lib/benchmarks-md.js';
import { isScript, runScript } from '../lib/run-as-script.js';
import { median } from '../lib/stats.js';
import { benchStep, ruleCases } from './validator-cases.js';

const SIZES = { full: { decisions: 20_000, runs: 5 }, tiny: { decisions: 200, runs: 1 } };
type Size = (typeof SIZES)['full'];

export interface ValidatorCase {
  name: string;
  /** Rules in the set, and rules the last decision cited (every applicable one, plus the citation chain). */
  rules: number;
  consulted: number;
  perDecisionUs: number;
}

export interface ValidatorBenchResult {
  date: string;
  machine: ReturnType<typeof machineInfo>;
  decisions: number;
  runs: number;
  cases: ValidatorCase[];
  admissionUs: number;
}

function time(rules: readonly Rule[], input: StepCheck, size: Size): { perDecisionUs: number; consulted: number } {
  const perRun: number[] = [];
  let consulted = 0;
  for (let r = 0; r < size.runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < size.decisions; i++) {
      const v = evaluateStep(rules, input);
      if (!v.allowed) throw new Error(`bench step denied by ${v.deniedBy}: ${v.reason}`);
      consulted = v.citations.length;
    }
    perRun.push(((performance.now() - t0) * 1000) / size.decisions);
  }
  return { perDecisionUs: Math.round(median(perRun) * 100) / 100, consulted };
}

/** 10 rate limits over a 999-entry history: every decision admits, so every limit is checked. */
function timeAdmission(size: Size): number {
  const limits = Array.from({ length: 10 }, (_, i) => ({
    id: `BENCH-1/rate${i}`,
    scope: { operationTypes: ['module_*'] },
    max: 1000,
    windowMs: 3_600_000,
  }));
  const history = Array.from({ length: 999 }, (_, i) => Date.now() - i * 1000).reverse();
  const request = { operationType: 'module_creation', plugin: 'p', skill: null };
  const t0 = performance.now();
  for (let i = 0; i < size.decisions; i++) {
    const d = decideAdmission(limits, request, () => history, Date.now());
    if (!d.admitted) throw new Error(`bench admission refused by ${d.ruleId}: ${d.reason}`);
  }
  return Math.round(((performance.now() - t0) * 1000 * 100) / size.decisions) / 100;
}

export async function runValidatorBench(options: BenchOptions): Promise<ValidatorBenchResult> {
  const size = SIZES[options.size];
  const root = mkdtempSync(join(tmpdir(), 'wre-bench-validator-'));
  try {
    const input = benchStep(root);
    const cases = ruleCases().map((c) => ({ name: c.name, rules: c.rules.length, ...time(c.rules, input, size) }));
    const result: ValidatorBenchResult = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      decisions: size.decisions,
      runs: size.runs,
      cases,
      admissionUs: timeAdmission(size),
    };
    publish(options, { json: 'validator', data: result, section: '30-validator', markdown: render(result) });
    return result;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function render(r: ValidatorBenchResult): string {
  const { machine } = r;
  const base = r.cases[0]!.perDecisionUs;
  return [
    '## Protocol validator — `npm run bench:validator`',
    '',
    `One decision = all applicable rules for one \`write_file\` step (allowed, so every rule is consulted); median of ${r.runs} runs × ${r.decisions.toLocaleString('en-US')} decisions; ${r.date.slice(0, 10)}.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}. Target: < 1 ms (1000 µs) per decision with 100 rules.`,
    '',
    '| rule set | rules consulted (citations) | µs / decision | × no-op baseline |',
    '|---|---:|---:|---:|',
    ...r.cases.map(
      (c) => `| ${c.name} | ${c.consulted} | ${c.perDecisionUs} | ${(c.perDecisionUs / base).toFixed(1)} |`,
    ),
    '',
    `Admission (rate limits): 10 limits over a 999-entry history, ${r.admissionUs} µs / decision.`,
  ].join('\n');
}

if (isScript(import.meta.url)) await runScript(runValidatorBench);
