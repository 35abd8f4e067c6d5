import { AuthError } from '#kernel';
import type { WreConfig } from '#orchestrator';

type Headers = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The Host header's host name (port dropped; IPv6 keeps its brackets), lower-cased. */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0] ?? '';
}

/**
 * DNS-rebinding defence: the Host header must name one of `WRE_ALLOWED_HOSTS` (entries with a port match exactly,
 * entries without one match any port). Null list: any host.
 */
export function checkHost(config: Pick<WreConfig, 'allowedHosts'>, headers: Headers): void {
  const allowed = config.allowedHosts;
  if (allowed === null) return;
  const host = first(headers.host)?.trim().toLowerCase();
  if (host && allowed.some((a) => a === host || a === hostName(host))) return;
  throw new AuthError('FORBIDDEN', `Host "${(host ?? '').slice(0, 100)}" is not in WRE_ALLOWED_HOSTS`);
}

/**
 * Cross-site WebSocket defence: a socket that states an Origin must state one of `WRE_ALLOWED_ORIGINS` (default
 * none). Clients that send no Origin (servers, CLIs, SDKs) are unaffected; browsers always send one.
 */
export function checkOrigin(config: Pick<WreConfig, 'allowedOrigins'>, headers: Headers): void {
  const origin = first(headers.origin);
  if (origin === undefined) return;
  if (config.allowedOrigins.includes(origin)) return;
  throw new AuthError('FORBIDDEN', `Origin "${origin.slice(0, 100)}" is not in WRE_ALLOWED_ORIGINS`);
}
