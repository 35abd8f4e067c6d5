import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomHex } from '#kernel';
import { SYSTEM_PRINCIPAL, type ToolDefinition } from '#domain';
import { SIGNATURE_HEADER, verifySignature } from '#plugins';
import { handlePluginCommand } from '../src/register-plugin/plugin-command.js';
import {
  bootRuntime,
  closeRuntime,
  definitionOf,
  executeOperation,
  loadConfig,
  pluginSigningSecret,
  registerRemotePlugin,
  remotePlugin,
  type WreRuntime,
} from '../src/index.js';

/**
 * Another api instance sharing the log re-registers a remote plugin with a new endpoint (and a new signing nonce).
 * This runtime never hears of it but through the log: its next execution must go to the new endpoint, signed with
 * the new registration's secret, computed afresh (a new manifest inherits no plan), and never reach the old one.
 */
const NAME = 'acme_mover';
const TOOLS: ToolDefinition[] = [
  {
    name: 'compose',
    description: 'compose a message',
    argsSchema: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
  },
  {
    name: 'deliver',
    description: 'deliver a message',
    argsSchema: {
      type: 'object',
      required: ['to', 'text'],
      properties: { to: { type: 'string' }, text: { type: 'string' } },
    },
  },
];

interface Received {
  kind: 'plan' | 'step';
  raw: string;
  headers: IncomingHttpHeaders;
}

interface PluginServer {
  endpoint: string;
  received: Received[];
  close(): Promise<void>;
}

/** A remote plugin on 127.0.0.1 that plans a greeting (its planner named after `label`) and echoes every step. */
async function startPluginServer(label: string): Promise<PluginServer> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const msg = JSON.parse(raw) as {
        kind: 'plan' | 'step';
        operation: { params: Record<string, unknown> };
        step?: { tool: string; args: Record<string, unknown> };
      };
      received.push({ kind: msg.kind, raw, headers: req.headers });
      res.setHeader('content-type', 'application/json');
      if (msg.kind === 'plan') {
        const text = `Hello ${String(msg.operation.params.name)}`;
        const steps = [
          { tool: 'compose', args: { text } },
          { tool: 'deliver', args: { to: msg.operation.params.channel, text } },
        ];
        const tokens = { prompt: 100, completion: 20, total: 120 };
        res.end(JSON.stringify({ steps, planner: `planner-${label}`, tokens }));
        return;
      }
      res.end(JSON.stringify({ output: { done: msg.step?.tool, ...msg.step?.args } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    endpoint: `http://127.0.0.1:${port}/wre`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const verdict = (secret: string, r: Received) =>
  verifySignature(secret, r.headers[SIGNATURE_HEADER.toLowerCase()], r.raw, Math.floor(Date.now() / 1000));

describe('a remote plugin whose registration moved through another instance', () => {
  let dir: string;
  let rt: WreRuntime;
  let before: PluginServer;
  let after: PluginServer;
  const greet = (name: string) =>
    executeOperation(rt, { type: 'greeting', plugin: NAME, params: { name, channel: 'ops' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wre-moves-'));
    before = await startPluginServer('before');
    after = await startPluginServer('after');
    const config = loadConfig(
      {
        WRE_EVENT_STORE: `sqlite:${join(dir, 'e.db')}`,
        WRE_PATTERN_MEMORY_DB: join(dir, 'r.db'),
        WRE_WORKSPACE: join(dir, 'ws'),
        WRE_SECRET: 'plugin-moves-spec-service-secret-0123456789',
      },
      dir,
    );
    rt = await bootRuntime(config, { builtins: false });
  });

  afterAll(async () => {
    if (rt) await closeRuntime(rt);
    await before?.close();
    await after?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is called at its new endpoint, computed afresh, signed with the new secret; the old one hears nothing', async () => {
    const input = { name: NAME, operationTypes: ['greeting'], tools: TOOLS, endpoint: before.endpoint };
    const { signingSecret: oldSecret } = await registerRemotePlugin(rt, input);
    // The old registration has taught a plan: a second execution is recalled under its manifest.
    expect(await greet('Ada')).toMatchObject({ status: 'SUCCEEDED', recalled: false, planner: 'planner-before' });
    expect(await greet('Bo')).toMatchObject({ status: 'SUCCEEDED', recalled: true, planner: 'pattern-memory' });
    const heardBefore = before.received.length;
    expect(heardBefore).toBeGreaterThan(0);

    // Another instance re-registers it: only the log changes, never this runtime's plugin registry.
    const nonce = randomHex(16);
    const moved = { ...input, endpoint: after.endpoint };
    const probe = remotePlugin(rt, moved, 'not-used-for-the-definition');
    const definition = definitionOf(probe, { endpoint: after.endpoint, timeoutMs: probe.timeoutMs });
    const command = { type: 'RegisterPlugin' as const, definition, by: SYSTEM_PRINCIPAL, signingNonce: nonce };
    await rt.projector.waitFor(await handlePluginCommand(rt, NAME, command));

    const run = await greet('Cy');
    expect(run).toMatchObject({ status: 'SUCCEEDED', recalled: false, planner: 'planner-after', patternId: null });
    expect(before.received.length).toBe(heardBefore);
    expect(after.received.map((r) => r.kind)).toEqual(['plan', 'step', 'step']);
    const newSecret = pluginSigningSecret(rt.serviceSecret, NAME, nonce);
    expect(newSecret).not.toBe(oldSecret);
    for (const r of after.received) {
      expect(verdict(newSecret, r)).toEqual({ ok: true });
      expect(verdict(oldSecret, r)).toEqual({ ok: false, reason: 'mismatch' });
    }
  });
});
