import type { ProtocolDefinition } from './protocol.types.js';

/** Tools that run arbitrary commands: no plugin may expose them through WRE. */
export const FORBIDDEN_TOOLS = ['shell', 'bash', 'sh', 'exec', 'eval', 'system', 'run_command', 'run_shell*', 'exec_*'];
export const DEFAULT_TOKEN_BUDGET = 100_000;
export const DEFAULT_MAX_STEPS = 1_000;

/**
 * The seed's protocols as built-in rule sets. They always apply; protocol files add rules (stricter budgets,
 * allow-lists, approvals, rate limits) but cannot remove these. Order matters only for the citation chain.
 */
export const BUILTIN_PROTOCOLS: readonly ProtocolDefinition[] = [
  {
    id: 'WSP-50',
    title: 'Pre-action verification',
    description: 'The plugin and the tool exist and the arguments fit the tool schema before anything runs.',
    source: 'builtin',
    rules: [
      { id: 'plugin-registered', kind: 'plugin-registered' },
      { id: 'tool-exists', kind: 'tool-exists' },
      { id: 'args-schema', kind: 'args-schema' },
    ],
  },
  {
    id: 'WSP-64',
    title: 'Violation prevention',
    description:
      'Forbidden tools never run, paths stay inside the workspace, destructive tools keep off the root and protected paths.',
    source: 'builtin',
    rules: [
      {
        id: 'forbidden-tools',
        kind: 'tool-deny',
        tools: FORBIDDEN_TOOLS,
        reason: 'tools that run arbitrary commands are forbidden',
      },
      { id: 'path-containment', kind: 'path-containment' },
      { id: 'destructive-guard', kind: 'destructive-guard' },
      { id: 'max-steps', kind: 'max-steps', max: DEFAULT_MAX_STEPS },
    ],
  },
  {
    id: 'WSP-3',
    title: 'Module organisation (WSP 3/49)',
    description: 'Module creation writes only inside modules/<domain>/<name>/ with well-formed names.',
    source: 'builtin',
    rules: [{ id: 'module-layout', kind: 'module-layout', when: { operationTypes: ['module_creation'] } }],
  },
  {
    id: 'WSP-75',
    title: 'Token-based development',
    description: 'Planning one operation may not spend more than the token budget.',
    source: 'builtin',
    rules: [{ id: 'token-budget', kind: 'token-budget', max: DEFAULT_TOKEN_BUDGET }],
  },
];

/** WSP 82 is enforced by the evaluator itself (see citationChainRule), so it has no data rules. */
export const CITATION_PROTOCOL = { id: 'WSP-82', title: 'Citation and cross-reference' } as const;
/** Protocols every step's citation chain must include; WSP 82 denies a step whose chain lacks one. */
export const MANDATORY_PROTOCOLS = ['WSP-50', 'WSP-64'] as const;
