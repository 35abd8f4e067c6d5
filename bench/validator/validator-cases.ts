import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProtocolSet, type ProtocolDefinition, type Rule, type RuleSpec, type StepCheck } from '#validation';
import type { ToolDefinition } from '#domain';

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

/** The step every case decides: an allowed `write_file` into a module laid out on disk under `root`. */
export function benchStep(root: string): StepCheck {
  mkdirSync(join(root, 'modules', 'core', 'auth', 'src'), { recursive: true });
  writeFileSync(join(root, 'modules', 'core', 'auth', 'src', 'index.ts'), '');
  const step = { tool: 'write_file', args: { path: 'modules/core/auth/src/index.ts', content: 'export {};\n' } };
  return {
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
}

/** The rule sets compared, the first being the no-op baseline (the evaluator's own overhead). */
export function ruleCases(): { name: string; rules: readonly Rule[] }[] {
  const noop: Rule[] = Array.from({ length: 100 }, (_, i) => ({
    id: `NOOP-1/r${i}`,
    kind: 'tool-deny',
    applies: () => true,
    check: () => ({ allowed: true }),
  }));
  const noopChain: Rule[] = [...ProtocolSet.compile().stepRules.slice(0, 4), ...noop.slice(4)];
  return [
    { name: 'evaluator overhead: 100 no-op rules', rules: noopChain },
    { name: 'built-in protocols only', rules: ProtocolSet.compile().stepRules },
    { name: '100 rules, 1 path rule (built-in)', rules: ProtocolSet.compile([protocolWith(100, 0)]).stepRules },
    {
      name: '100 rules, 21 path rules (one disk resolution per path, shared)',
      rules: ProtocolSet.compile([protocolWith(100, 20)]).stepRules,
    },
  ];
}
