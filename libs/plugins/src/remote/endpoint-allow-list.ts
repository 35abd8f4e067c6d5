import { BadInputError, ConfigError } from '#kernel';

/** Keyword entry standing for localhost, 127.0.0.0/8 and ::1 (any port). */
export const LOOPBACK = 'loopback';
/** Remote plugins may only live on this machine unless configured otherwise. */
export const DEFAULT_ENDPOINT_ALLOW_LIST: readonly string[] = [LOOPBACK];

interface AllowEntry {
  host: string;
  port: string | null;
}

/** An endpoint as errors and logs may show it: user info (`user:password@`) masked. */
const masked = (endpoint: string): string => endpoint.replace(/\/\/[^@/?#]*@/, '//***@').slice(0, 200);

const refuse = (endpoint: string, reason: string): BadInputError =>
  new BadInputError('ENDPOINT_NOT_ALLOWED', `remote plugin endpoint not allowed: ${reason}`, {
    endpoint: masked(endpoint),
    reason,
  });

// Canonicalise through the WHATWG URL parser so `127.1`, `0x7f.0.0.1` and `LOCALHOST.` compare as the URL sees them.
const canonicalHost = (host: string): string => new URL(`http://${host}/`).hostname.replace(/\.$/, '');

function parseEntry(entry: string): AllowEntry {
  const raw = entry.trim().toLowerCase();
  const m =
    /^(\[[0-9a-f:.]+\]|[^:[\]/@]+)(?::(\d{1,5}))?$/.exec(raw) ??
    (raw.includes(':') ? [raw, `[${raw}]`, undefined] : null);
  try {
    if (m === null || m[1] === undefined || Number(m[2] ?? 0) > 65535) throw new Error('shape');
    return { host: canonicalHost(m[1]), port: m[2] === undefined ? null : String(Number(m[2])) };
  } catch {
    throw new ConfigError(
      `remote endpoint allow-list entry ${JSON.stringify(entry)} must be a hostname, host:port or '${LOOPBACK}'`,
      { entry },
    );
  }
}

/** True for localhost, 127.0.0.0/8 and ::1, as URL.hostname spells them. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The allow-list-independent half: a parseable http(s) URL without credentials.
 * @throws BadInputError `ENDPOINT_NOT_ALLOWED`
 */
export function assertEndpointShape(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw refuse(String(endpoint), 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw refuse(endpoint, `scheme ${url.protocol} is not http or https`);
  if (url.username !== '' || url.password !== '') throw refuse(endpoint, 'credentials in the URL are not allowed');
  return url;
}

/**
 * Checks a remote plugin endpoint before anything is sent to it: http/https only, no credentials in the URL,
 * host (and port, when the entry names one) on the allow-list. Entries are hostnames, `host:port`,
 * `[v6]:port` or `loopback`; an empty list allows nothing.
 *
 * @returns the parsed URL.
 * @throws BadInputError `ENDPOINT_NOT_ALLOWED`; ConfigError for a malformed allow-list entry.
 */
export function assertEndpointAllowed(
  endpoint: string,
  allowList: readonly string[] = DEFAULT_ENDPOINT_ALLOW_LIST,
): URL {
  const url = assertEndpointShape(endpoint);
  const host = url.hostname.replace(/\.$/, '');
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
  const allowed = allowList.some((entry) => {
    if (entry.trim().toLowerCase() === LOOPBACK) return isLoopbackHost(host);
    const parsed = parseEntry(entry);
    return parsed.host === host && (parsed.port === null || parsed.port === port);
  });
  if (!allowed) throw refuse(endpoint, `host ${host}:${port} is not on the allow-list`);
  return url;
}
