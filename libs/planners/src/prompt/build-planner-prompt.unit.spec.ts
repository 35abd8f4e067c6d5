import { fixtureRequest, fixtureTools } from '../../test/plan-request.fixture.js';
import type { PlanRequest } from '../planner.port.js';
import { buildPlannerPrompt } from './build-planner-prompt.js';

describe('buildPlannerPrompt', () => {
  it('is a pure function of the request: equal requests (any key order) give identical texts', () => {
    const a = buildPlannerPrompt(fixtureRequest());
    const reordered: PlanRequest = {
      ...fixtureRequest(),
      operation: { ...fixtureRequest().operation, params: { language: 'ts', name: 'billing' } },
    };
    expect(buildPlannerPrompt(fixtureRequest())).toEqual(a);
    expect(buildPlannerPrompt(reordered)).toEqual(a);
  });

  it('states the role and the JSON-only output contract in the system text', () => {
    const { system } = buildPlannerPrompt(fixtureRequest());
    expect(system).toContain('plugin "module_scaffolder"');
    expect(system).toContain('Answer with ONLY one JSON object');
    expect(system).toContain('{"steps":[{"tool":"<tool name>","args":{...}}]}');
    expect(system).toContain('1 to 1000 steps');
  });

  it('lists every tool with its description, destructive flag and compact args schema', () => {
    const { system } = buildPlannerPrompt(fixtureRequest());
    expect(system).toContain('- write_file: Writes a UTF-8 file inside the workspace.');
    expect(system).toContain('- remove_file [destructive]: Deletes a file inside the workspace.');
    expect(system).not.toContain('write_file [destructive]');
    expect(system).toContain(
      'args schema: {"additionalProperties":false,"properties":{"path":{"type":"string"}},"required":["path"],"type":"object"}',
    );
    expect(system).not.toMatch(/\{\s+"/); // compact JSON, no pretty-printing
  });

  it('includes the protocol text, or says there is none', () => {
    expect(buildPlannerPrompt(fixtureRequest()).system).toContain(
      'Protocol rules:\nWSP-3: files stay inside the workspace\nWSP-64:',
    );
    expect(buildPlannerPrompt({ ...fixtureRequest(), protocolText: '  ' }).system).toContain('Protocol rules:\n(none)');
  });

  it('puts the operation type, params as JSON and the instructions in the user text', () => {
    const { user, system } = buildPlannerPrompt(fixtureRequest());
    expect(user).toBe(
      'Operation: scaffold_module\n\nParams: {"language":"ts","name":"billing"}\n\nInstructions:\nCreate src/<name>/index.ts exporting nothing yet.\n\nAnswer with the JSON plan only.',
    );
    expect(system).not.toContain('scaffold_module');
  });

  it('leaves the instructions section out when there are none', () => {
    const { user } = buildPlannerPrompt(fixtureRequest({ instructions: undefined }));
    expect(user).not.toContain('Instructions');
    expect(user).toContain('Params: {"language":"ts","name":"billing"}');
  });

  it('handles a plugin without tools and a tool without description', () => {
    expect(buildPlannerPrompt({ ...fixtureRequest(), plugin: { name: 'empty', tools: [] } }).system).toContain(
      'Tools:\n(none)',
    );
    const bare = { ...fixtureTools[1]!, description: undefined, destructive: false };
    expect(buildPlannerPrompt({ ...fixtureRequest(), plugin: { name: 'p', tools: [bare] } }).system).toContain(
      '- remove_file:\n  args schema:',
    );
  });
});
