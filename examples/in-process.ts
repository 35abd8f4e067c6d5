// The README's in-process example, compiled and run by a spec: `npm run example` builds and runs it
// (data in ./data, the workspace in ./workspace, like `npm start`).
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { OrchestratorPlugin, WREMasterOrchestrator, type CreateOptions } from '#orchestrator';

class Greeter extends OrchestratorPlugin {
  override operationTypes = ['greeting'];
  constructor() {
    super('greeter');
    const argsSchema = { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] };
    this.tool('say', { argsSchema }, (args) => ({ said: args.text ?? '' }));
  }
  // The "compute" path (optional): a real plugin might ask an LLM here; the tokens are what that cost.
  override plan(op: { params: Record<string, unknown> }) {
    const steps = [{ tool: 'say', args: { text: `Hello, ${String(op.params.name)}!` } }];
    return { steps, planner: 'greeter-v1', tokens: { prompt: 120, completion: 30, total: 150 } };
  }
}

export async function runInProcessExample(options: CreateOptions = {}) {
  const master = await WREMasterOrchestrator.create(options); // reads the same environment variables as the server
  try {
    void master.registerPlugin(new Greeter()); // may be left un-awaited: execute() waits for registrations
    const computed = await master.execute({ type: 'greeting', name: 'Ada' }); // planned: 150 tokens
    const recalled = await master.execute({ type: 'greeting', name: 'Grace' }); // from memory: 0 tokens
    const pattern = await master.recallPattern('greeting'); // the best ACTIVE pattern of the type, or null
    return { computed, recalled, pattern, plugin: master.getPlugin('greeter') };
  } finally {
    await master.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && pathToFileURL(realpathSync(entry)).href === import.meta.url) {
  const { computed, recalled } = await runInProcessExample();
  for (const e of [computed, recalled]) {
    console.log(`${e.status} recalled=${e.recalled} planner=${e.planner} tokens=${e.tokens.total}`, e.result);
  }
}
