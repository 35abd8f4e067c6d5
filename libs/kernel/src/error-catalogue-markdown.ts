import { ERROR_CODES, type ErrorKind } from './error-codes.js';

const SECTIONS: readonly [ErrorKind, string, string][] = [
  ['request', 'Refused requests', 'A GraphQL error with `extensions.code`; nothing was written.'],
  ['graphql', 'The GraphQL layer', 'The document itself was refused before any resolver ran.'],
  [
    'execution',
    'Recorded on executions',
    'The request was accepted and the execution ended FAILED, BLOCKED or THROTTLED: `Execution.errorCode`, and ' +
      'a failed step\'s `error`. Plugins may also record codes of their own (`pluginCode("PAYMENT_DECLINED")`).',
  ],
  ['skill-file', 'Skill files', 'Why a skill file could not be used: `Skill.code`, the SkillLoadFailed event.'],
  ['server', 'Configuration, stores, projections', 'At start, in the server log, or as a request error.'],
];

/** docs/errors.md, generated from the catalogue (`npm run docs:errors`); a test keeps the committed file equal. */
export function errorCatalogueMarkdown(): string {
  const lines = [
    '# Error codes',
    '',
    'Every code WRE gives a client, records on an execution, or stops a start with. Codes are stable; clients and',
    'stored history match on them. Generated from `libs/kernel/src/error-codes.ts` by `npm run docs:errors`.',
  ];
  for (const [kind, title, intro] of SECTIONS) {
    lines.push('', `## ${title}`, '', intro, '', '| code | meaning |', '|---|---|');
    for (const [code, [k, summary]] of Object.entries(ERROR_CODES))
      if (k === kind) lines.push(`| \`${code}\` | ${summary} |`);
  }
  lines.push(
    '',
    '## Beyond the catalogue',
    '',
    'Executions recorded by earlier versions may carry `INTERNAL`, the former name of `INTERNAL_SERVER_ERROR`.',
    'Over WebSocket, a message the `graphql-ws` protocol itself refuses closes the socket with a close code (4400,',
    '4500, …) instead of an error with `extensions.code`.',
  );
  return `${lines.join('\n')}\n`;
}
