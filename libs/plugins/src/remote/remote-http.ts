import { PluginError, type ErrorCode } from '#kernel';

/** Remote answers larger than this are refused (a plugin output ends up in events). */
export const MAX_REMOTE_RESPONSE_BYTES = 1024 * 1024;

/** A remote answer: HTTP status and the parsed JSON body (`undefined` when the body was not JSON). */
export interface RemoteResponse {
  status: number;
  body: unknown;
}

const fail = (code: ErrorCode, message: string, details: Record<string, unknown>): PluginError =>
  new PluginError(code, message, details);

function transportError(
  e: unknown,
  plugin: string,
  timeout: AbortSignal,
  caller: AbortSignal | undefined,
  timeoutMs: number,
): PluginError {
  if (e instanceof PluginError) return e;
  if (timeout.aborted)
    return fail('REMOTE_TIMEOUT', `remote plugin ${plugin} did not answer within ${timeoutMs} ms`, {
      plugin,
      timeoutMs,
    });
  if (caller?.aborted) return fail('REMOTE_ABORTED', `call to remote plugin ${plugin} was aborted`, { plugin });
  // undici puts the useful part (ECONNREFUSED, "unexpected redirect") on `cause`.
  const c = (e as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const cause = typeof c?.code === 'string' ? c.code : typeof c?.message === 'string' ? c.message.slice(0, 200) : null;
  return fail('REMOTE_UNREACHABLE', `remote plugin ${plugin} is unreachable${cause === null ? '' : ` (${cause})`}`, {
    plugin,
    cause,
  });
}

async function readCapped(res: Response, plugin: string): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  const tooLarge = () =>
    fail('REMOTE_RESPONSE_TOO_LARGE', `remote plugin ${plugin} answered more than ${MAX_REMOTE_RESPONSE_BYTES} bytes`, {
      plugin,
      limit: MAX_REMOTE_RESPONSE_BYTES,
    });
  if (declared > MAX_REMOTE_RESPONSE_BYTES) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (res.body === null) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.byteLength;
    // Counted as it streams: a missing or lying content-length must not let a huge body through.
    if (size > MAX_REMOTE_RESPONSE_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(r.value);
  }
  return Buffer.concat(chunks);
}

/** Extra request headers computed from the exact body sent (the request signature). */
export type HeadersForBody = (rawBody: string) => Record<string, string>;

/**
 * POSTs JSON and returns status + parsed body. The timeout covers connect, headers and body; redirects are
 * refused so an allowed endpoint cannot bounce us to a host that is not on the allow-list. `headersFor` sees the
 * serialized body that is sent, byte for byte.
 * @throws PluginError `REMOTE_TIMEOUT` | `REMOTE_ABORTED` | `REMOTE_UNREACHABLE` | `REMOTE_RESPONSE_TOO_LARGE`
 */
export async function postJson(
  plugin: string,
  endpoint: string,
  payload: unknown,
  timeoutMs: number,
  caller?: AbortSignal,
  headersFor?: HeadersForBody,
): Promise<RemoteResponse> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = caller ? AbortSignal.any([timeout, caller]) : timeout;
  try {
    // Serialized once: the signature covers this string, and fetch sends it as UTF-8, the encoding it was signed
    // in (JSON.stringify escapes lone surrogates, so the string always encodes losslessly).
    const rawBody = JSON.stringify(payload);
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headersFor?.(rawBody) },
      body: rawBody,
      redirect: 'error',
      signal,
    });
    const raw = await readCapped(res, plugin);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      body = undefined;
    }
    return { status: res.status, body };
  } catch (e) {
    throw transportError(e, plugin, timeout, caller, timeoutMs);
  }
}
