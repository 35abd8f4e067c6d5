import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonObject } from '#kernel';
import type { StepContext } from '../plugin.types.js';
import { toRuntimePlugin } from '../sdk/to-runtime-plugin.js';
import { RemotePlugin } from './remote-plugin.js';
import { SIGNATURE_HEADER, verifySignature } from './request-signature.js';

/** What the test server saw besides the parsed body: the exact bytes and the signature header. */
interface Received {
  raw: string;
  signature: string | undefined;
}
type Handler = (body: JsonObject, res: ServerResponse, req: Received) => void;
const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

describe('RemotePlugin against a real HTTP server on 127.0.0.1', () => {
  let server: Server;
  let endpoint: string;
  let handler: Handler;
  const received: JsonObject[] = [];
  const tools = [{ name: 'shout', argsSchema: { type: 'object', properties: { text: { type: 'string' } } } }];
  const operation = { type: 'shouting', params: { text: 'hi' } };
  const ctx: StepContext = {
    executionId: 'exec-9',
    stepIndex: 2,
    workspaceRoot: '/ws',
    operation,
    previousOutputs: [],
  };
  const remote = (timeoutMs = 2000) =>
    new RemotePlugin({ name: 'shouter', operationTypes: ['shouting'], tools, endpoint, timeoutMs });

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        // Decoded once from all the bytes, so a multi-byte character split across chunks stays intact.
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = JSON.parse(raw) as JsonObject;
        received.push(body);
        handler(body, res, { raw, signature: req.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/plugin`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
  });

  it('plans and runs a step over HTTP with the documented payloads', async () => {
    handler = (body, res) =>
      body.kind === 'plan'
        ? json(res, 200, {
            steps: [{ tool: 'shout', args: { text: 'hi' } }],
            planner: 'remote-llm',
            tokens: { prompt: 12, completion: 3, total: 15 },
          })
        : json(res, 200, {
            output: { shouted: String(((body.step as JsonObject).args as JsonObject).text).toUpperCase() },
          });
    const plugin = toRuntimePlugin(remote());
    expect(plugin).toMatchObject({ name: 'shouter', kind: 'remote', operationTypes: ['shouting'] });
    const plan = await plugin.plan!(operation);
    expect(plan).toEqual({
      steps: [{ tool: 'shout', args: { text: 'hi' } }],
      planner: 'remote-llm',
      tokens: { prompt: 12, completion: 3, total: 15 },
    });
    expect(await plugin.runStep(plan.steps[0]!, ctx)).toEqual({ shouted: 'HI' });
    expect(received).toEqual([
      { kind: 'plan', operation, tools },
      { kind: 'step', executionId: 'exec-9', stepIndex: 2, operation, step: { tool: 'shout', args: { text: 'hi' } } },
    ]);
  });

  it('defaults planner and tokens when the remote omits them', async () => {
    handler = (_b, res) => json(res, 200, { steps: [{ tool: 'shout', args: {} }] });
    expect(await remote().plan(operation)).toMatchObject({
      planner: 'remote:shouter',
      tokens: { prompt: 0, completion: 0, total: 0 },
    });
  });

  it('maps 404/501 plan answers to PLAN_UNAVAILABLE and other failures to REMOTE_PLAN_FAILED', async () => {
    handler = (_b, res) => json(res, 404, { error: 'no planner' });
    await expect(remote().plan(operation)).rejects.toMatchObject({ code: 'PLAN_UNAVAILABLE' });
    handler = (_b, res) => res.writeHead(501).end();
    await expect(remote().plan(operation)).rejects.toMatchObject({ code: 'PLAN_UNAVAILABLE' });
    handler = (_b, res) => json(res, 500, { error: 'kaput' });
    await expect(remote().plan(operation)).rejects.toMatchObject({
      code: 'REMOTE_PLAN_FAILED',
      message: expect.stringContaining('kaput'),
    });
  });

  it('turns a remote { error } into REMOTE_STEP_FAILED carrying its message', async () => {
    handler = (_b, res) => json(res, 200, { error: 'disk on fire' });
    await expect(remote().runStep({ tool: 'shout', args: {} }, ctx)).rejects.toMatchObject({
      code: 'REMOTE_STEP_FAILED',
      details: expect.objectContaining({ error: 'disk on fire' }),
    });
  });

  it('refuses garbage: non-JSON, wrong shapes, plans over unknown tools, oversized bodies', async () => {
    handler = (_b, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('<html>hello</html>');
    await expect(remote().runStep({ tool: 'shout', args: {} }, ctx)).rejects.toMatchObject({
      code: 'PLUGIN_OUTPUT_INVALID',
    });
    await expect(remote().plan(operation)).rejects.toMatchObject({ code: 'PLUGIN_OUTPUT_INVALID' });
    handler = (_b, res) => json(res, 200, { result: 1 });
    await expect(remote().runStep({ tool: 'shout', args: {} }, ctx)).rejects.toMatchObject({
      code: 'PLUGIN_OUTPUT_INVALID',
    });
    handler = (_b, res) => json(res, 200, { steps: [{ tool: 'rm_rf', args: {} }] });
    await expect(remote().plan(operation)).rejects.toMatchObject({ code: 'PLUGIN_OUTPUT_INVALID' });
    handler = (_b, res) => json(res, 200, { output: 'x'.repeat(1024 * 1024 + 1) });
    await expect(remote().runStep({ tool: 'shout', args: {} }, ctx)).rejects.toMatchObject({
      code: 'REMOTE_RESPONSE_TOO_LARGE',
    });
    handler = (_b, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < 20; i += 1) res.write('x'.repeat(64 * 1024));
      res.end();
    };
    await expect(remote().runStep({ tool: 'shout', args: {} }, ctx)).rejects.toMatchObject({
      code: 'REMOTE_RESPONSE_TOO_LARGE',
    });
    await expect(remote().runStep({ tool: 'nope', args: {} }, ctx)).rejects.toMatchObject({ code: 'TOOL_NOT_FOUND' });
  });

  it('gives up after timeoutMs with REMOTE_TIMEOUT when the server never answers', async () => {
    let pending: ServerResponse | undefined;
    handler = (_b, res) => {
      pending = res;
    };
    await expect(remote(150).runStep({ tool: 'shout', args: {} }, ctx)).rejects.toMatchObject({
      code: 'REMOTE_TIMEOUT',
    });
    expect(pending).toBeDefined();
    pending?.destroy();
  });

  it('refuses to follow redirects and reports unreachable endpoints', async () => {
    handler = (_b, res) => res.writeHead(307, { location: 'http://example.com/' }).end();
    await expect(remote().runStep({ tool: 'shout', args: {} }, ctx)).rejects.toMatchObject({
      code: 'REMOTE_UNREACHABLE',
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const gone = new RemotePlugin({ name: 'gone', operationTypes: [], tools, endpoint: `http://127.0.0.1:${port}/` });
    await expect(gone.runStep({ tool: 'shout', args: {} }, ctx)).rejects.toMatchObject({
      code: 'REMOTE_UNREACHABLE',
      details: expect.objectContaining({ cause: 'ECONNREFUSED' }),
    });
  });

  it('refuses endpoints off the allow-list and bad definitions at construction', () => {
    const def = { name: 'x', operationTypes: [], tools, endpoint: 'http://example.com/' };
    expect(() => new RemotePlugin(def, { allowList: ['loopback'] })).toThrow(
      expect.objectContaining({ code: 'ENDPOINT_NOT_ALLOWED' }),
    );
    expect(new RemotePlugin(def, { allowList: ['example.com'] }).endpoint).toBe('http://example.com/');
    // Without an allow-list the caller vouches for the host; scheme and credentials are still checked.
    expect(new RemotePlugin(def).endpoint).toBe('http://example.com/');
    expect(() => new RemotePlugin({ ...def, endpoint: 'http://u:p@localhost/' })).toThrow(
      expect.objectContaining({ code: 'ENDPOINT_NOT_ALLOWED' }),
    );
    expect(() => new RemotePlugin({ ...def, endpoint: 'file:///etc/passwd' })).toThrow(
      expect.objectContaining({ code: 'ENDPOINT_NOT_ALLOWED' }),
    );
    expect(() => new RemotePlugin({ ...def, endpoint, timeoutMs: 0 })).toThrow(
      expect.objectContaining({ code: 'PLUGIN_INVALID' }),
    );
    expect(() => new RemotePlugin({ ...def, endpoint, name: 'has space' })).toThrow(
      expect.objectContaining({ code: 'PLUGIN_NAME_INVALID' }),
    );
    expect(() => new RemotePlugin({ ...def, endpoint, tools: [{ name: 'a' }] as never })).toThrow(
      expect.objectContaining({ code: 'PLUGIN_INVALID' }),
    );
  });

  describe('signed calls (WRE-Signature)', () => {
    const secret = 'whsec_shouter_secret';
    const accented = { type: 'shouting', params: { text: 'héllo ✓ — 日本' } };
    const signed = (signingSecret?: string, now?: () => number) =>
      new RemotePlugin(
        { name: 'shouter', operationTypes: ['shouting'], tools, endpoint },
        { ...(signingSecret === undefined ? {} : { signingSecret }), ...(now === undefined ? {} : { now }) },
      );
    const seen: Received[] = [];
    // The plugin side: verify against its own clock, answer 401 { error } when the signature does not hold.
    const verifying: Handler = (body, res, req) => {
      seen.push(req);
      const verdict = verifySignature(secret, req.signature, req.raw, Math.floor(Date.now() / 1000));
      if (!verdict.ok) return json(res, 401, { error: `signature ${verdict.reason}` });
      return body.kind === 'plan'
        ? json(res, 200, { steps: [{ tool: 'shout', args: { text: 'x' } }] })
        : json(res, 200, { output: { ok: true } });
    };
    beforeEach(() => {
      seen.length = 0;
      handler = verifying;
    });

    it('signs the exact bytes of every plan and step request, which the plugin accepts', async () => {
      const plugin = signed(secret);
      const plan = await plugin.plan(accented);
      expect(plan.steps).toEqual([{ tool: 'shout', args: { text: 'x' } }]);
      expect(await plugin.runStep(plan.steps[0]!, { ...ctx, operation: accented })).toEqual({ ok: true });
      expect(seen).toHaveLength(2);
      for (const req of seen) expect(req.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(received.map((b) => b.kind)).toEqual(['plan', 'step']);
    });

    it('uses the injected clock for the timestamp', async () => {
      await signed(secret, () => 1_700_000_000_999)
        .plan(accented)
        .catch(() => undefined);
      expect(seen[0]?.signature).toMatch(/^t=1700000000,v1=/);
    });

    it('is refused with 401 when forged, missing or stale, and WRE reports the refusal', async () => {
      await expect(signed('not-the-secret').plan(accented)).rejects.toMatchObject({
        code: 'REMOTE_PLAN_FAILED',
        details: expect.objectContaining({ status: 401, error: 'signature mismatch' }),
      });
      await expect(signed('not-the-secret').runStep({ tool: 'shout', args: {} }, ctx)).rejects.toMatchObject({
        code: 'REMOTE_STEP_FAILED',
        details: expect.objectContaining({ status: 401, error: 'signature mismatch' }),
      });
      await expect(signed().runStep({ tool: 'shout', args: {} }, ctx)).rejects.toMatchObject({
        code: 'REMOTE_STEP_FAILED',
        details: expect.objectContaining({ status: 401, error: 'signature missing' }),
      });
      const sixMinutesBack = () => Date.now() - 6 * 60_000;
      await expect(signed(secret, sixMinutesBack).runStep({ tool: 'shout', args: {} }, ctx)).rejects.toMatchObject({
        code: 'REMOTE_STEP_FAILED',
        details: expect.objectContaining({ status: 401, error: 'signature stale' }),
      });
      expect(seen.map((r) => r.signature === undefined)).toEqual([false, false, true, false]);
    });

    it('refuses an empty signing secret at construction', () => {
      expect(() => signed('')).toThrow(expect.objectContaining({ code: 'PLUGIN_INVALID' }));
    });
  });
});
