import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootApp, removeDir, type BootedApp } from './boot-app.js';

const ACME = `id: ACME-7
title: Acme change control
rules:
  - id: approve-module-files
    kind: requires-approval
    when: { operationTypes: [module_creation], tools: [write_file] }
    reason: new module files need a reviewer
  - id: cleanup-rate
    kind: rate-limit
    when: { operationTypes: [cleanup_legacy] }
    max: 1
    window: 1h
`;
const SKILL = `---
name: new_module
description: Scaffold a module.
operation_types: [module_creation]
plugin: module_scaffolder
allowed-tools: [create_directory]
---
Create the module directories.
`;
const EXECUTE = `mutation($input: ExecuteOperationInput!) { executeOperation(input: $input) {
  id status errorCode error citations approvals throttle { ruleId retryAfterMs } forced { ruleId }
  steps { tool status citations error } } }`;
const SKILL_RUN = `mutation($input: ExecuteSkillInput!) { executeSkill(input: $input) {
  success executionId executionTimeMs patternFidelity throttled blocked blockedBy reason fallbackUsed
  execution { status skill { name agent fallbackUsed format } } } }`;

describe('protocols, throttling and skills over GraphQL', () => {
  let wre: BootedApp;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wre-e2e-protocols-'));
    mkdirSync(join(dir, 'protocols'));
    writeFileSync(join(dir, 'protocols', 'acme.yaml'), ACME);
    mkdirSync(join(dir, 'skills', 'new_module'), { recursive: true });
    writeFileSync(join(dir, 'skills', 'new_module', 'SKILL.md'), SKILL);
    wre = await bootApp({ WRE_PROTOCOLS_DIR: join(dir, 'protocols'), WRE_SKILLS_DIR: join(dir, 'skills') }, dir);
  });
  afterAll(async () => {
    await wre.close();
    removeDir(wre.dir);
  });

  it('blocks a plan before anything runs and shows the citation chain; the approved resend runs', async () => {
    const input = { type: 'module_creation', params: { name: 'billing', domain: 'finance' } };
    const blocked = (await wre.gql(EXECUTE, { input })).data.executeOperation;
    expect(blocked).toMatchObject({
      status: 'BLOCKED',
      errorCode: 'VALIDATION_FAILED',
      error: expect.stringContaining('ACME-7/approve-module-files'),
    });
    const denied = blocked.steps.find((s: { status: string }) => s.status === 'BLOCKED');
    expect(denied).toMatchObject({
      tool: 'write_file',
      error: expect.stringContaining('new module files need a reviewer'),
    });
    expect(denied.citations).toEqual([
      'WSP-50/plugin-registered',
      'WSP-50/tool-exists',
      'WSP-50/args-schema',
      'WSP-64/forbidden-tools',
      'WSP-64/path-containment',
      'WSP-64/destructive-guard',
      'WSP-64/max-steps',
      'WSP-3/module-layout',
      'WSP-75/token-budget',
      'ACME-7/approve-module-files',
    ]);
    expect(blocked.citations).toEqual(expect.arrayContaining(['WSP-82/citation-chain', 'ACME-7/approve-module-files']));
    expect(
      blocked.steps.every(
        (s: { status: string }) => s.status === 'PENDING' || s.status === 'BLOCKED' || s.status === 'SKIPPED',
      ),
    ).toBe(true);
    expect(existsSync(join(wre.workspace, 'modules', 'finance', 'billing'))).toBe(false);

    const approved = (await wre.gql(EXECUTE, { input: { ...input, approvals: ['ACME-7/approve-module-files'] } })).data
      .executeOperation;
    expect(approved).toMatchObject({ status: 'SUCCEEDED', approvals: ['ACME-7/approve-module-files'] });
    expect(existsSync(join(wre.workspace, 'modules', 'finance', 'billing', 'README.md'))).toBe(true);
  });

  it('throttles by a protocol rate limit with THROTTLED and retry time; force is recorded', async () => {
    const input = { type: 'cleanup_legacy', params: { pattern: '*.bak' } };
    expect((await wre.gql(EXECUTE, { input })).data.executeOperation.status).toBe('SUCCEEDED');
    const throttled = (await wre.gql(EXECUTE, { input })).data.executeOperation;
    expect(throttled).toMatchObject({
      status: 'THROTTLED',
      errorCode: 'THROTTLED',
      steps: [],
      throttle: { ruleId: 'ACME-7/cleanup-rate' },
    });
    expect(throttled.throttle.retryAfterMs).toBeGreaterThan(0);
    const forced = (await wre.gql(EXECUTE, { input: { ...input, force: true } })).data.executeOperation;
    expect(forced).toMatchObject({ status: 'SUCCEEDED', forced: { ruleId: 'ACME-7/cleanup-rate' } });
  });

  it('runs a skill under its allowed tools and reports the upstream result shape', async () => {
    const res = await wre.gql(SKILL_RUN, {
      input: {
        skillName: 'new_module',
        agent: '0102',
        inputContext: { name: 'ledger', domain: 'finance' },
        approvals: ['ACME-7/approve-module-files'],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.executeSkill).toMatchObject({
      success: false,
      blocked: true,
      blockedBy: 'skill:new_module/allowed-tools',
      throttled: false,
      fallbackUsed: false,
      patternFidelity: 0,
      execution: {
        status: 'BLOCKED',
        skill: { name: 'new_module', agent: '0102', fallbackUsed: false, format: 'SKILL.md' },
      },
    });
    const missing = await wre.gql(SKILL_RUN, {
      input: { skillName: 'utf8_remediation', agent: '0102', inputContext: { root: '.' } },
    });
    expect(missing.data.executeSkill).toMatchObject({
      success: true,
      fallbackUsed: true,
      execution: { skill: { fallbackUsed: true, format: null } },
    });
    const bad = await wre.gql(SKILL_RUN, { input: { skillName: '../etc', agent: 'x' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('SKILL_NAME_INVALID');
  });

  it('lists the protocols in force and the skills', async () => {
    const res = await wre.gql(`{ protocols { id source rules { id kind } } skills { name ok executions fidelity } }`);
    expect(res.data.protocols.map((p: { id: string }) => p.id)).toEqual([
      'WSP-50',
      'WSP-64',
      'WSP-3',
      'WSP-75',
      'ACME-7',
      'WSP-82',
    ]);
    expect(res.data.protocols[4]).toEqual({
      id: 'ACME-7',
      source: 'acme.yaml',
      rules: [
        { id: 'ACME-7/approve-module-files', kind: 'requires-approval' },
        { id: 'ACME-7/cleanup-rate', kind: 'rate-limit' },
      ],
    });
    expect(res.data.skills).toEqual([{ name: 'new_module', ok: true, executions: 1, fidelity: 0 }]);
  });

  it('refuses to start on a malformed protocol file, naming the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wre-e2e-badproto-'));
    mkdirSync(join(dir, 'protocols'));
    writeFileSync(
      join(dir, 'protocols', 'bad.yaml'),
      'id: ACME-8\ntitle: t\nrules:\n  - id: r\n    kind: max-steps\n    maxx: 3\n',
    );
    try {
      await expect(bootApp({ WRE_PROTOCOLS_DIR: join(dir, 'protocols') }, dir)).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        message: expect.stringMatching(/bad\.yaml:6/),
      });
    } finally {
      removeDir(dir);
    }
  });
});
