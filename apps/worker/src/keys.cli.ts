import { userInfo } from 'node:os';
import { isWreError, randomIds, systemClock, type RecordedEvent } from '#kernel';
import { API_KEY_EVENT_TYPES, type ApiKeyEvent, type Principal } from '#domain';
import { openEventStore, loadConfig, recordApiKeyIssued, recordApiKeyRevoked } from '#orchestrator';

const USAGE = `usage:
  npm run keys -- issue --tenant <tenant> --role <admin|operator|reader> [--name <label>]
  npm run keys -- list
  npm run keys -- revoke <key id>`;

/** Whoever can run this on the server holds the store: an ADMIN, recorded under the OS user's name. */
const cliPrincipal = (): Principal => ({
  id: `cli:${userInfo().username}`,
  tenant: 'default',
  role: 'ADMIN',
  via: 'system',
});

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Folds the log's API key events into one line per key (the log is the truth; no read model needed). */
function keysOf(events: RecordedEvent[]): string[] {
  const keys = new Map<string, { tenant: string; role: string; name: string | null; at: string; revoked: boolean }>();
  for (const e of events) {
    const event = e as unknown as ApiKeyEvent;
    if (event.type === 'ApiKeyIssued') {
      const { id, tenant, role, name } = event.data;
      keys.set(id, { tenant, role, name, at: e.metadata.occurredAt, revoked: false });
    } else if (event.type === 'ApiKeyRevoked') {
      const k = keys.get(event.data.id);
      if (k) k.revoked = true;
    }
  }
  return [...keys].map(
    ([id, k]) =>
      `${id}  ${k.revoked ? 'REVOKED' : 'ACTIVE '}  ${k.role.padEnd(8)}  ${k.tenant}  ${k.at}  ${k.name ?? ''}`,
  );
}

/**
 * `npm run keys -- issue|list|revoke`: writes ApiKeyIssued / ApiKeyRevoked straight to the event store, so it
 * works with the api running (it projects them within a moment) or stopped (projected at its next start).
 */
async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  const store = await openEventStore(loadConfig());
  const deps = { store, clock: systemClock, ids: randomIds };
  try {
    if (command === 'issue') {
      const tenant = flag(rest, 'tenant');
      const role = flag(rest, 'role');
      if (!tenant || !role) throw new Error(USAGE);
      const { issued } = await recordApiKeyIssued(
        deps,
        { tenant, role, name: flag(rest, 'name') ?? null },
        cliPrincipal(),
      );
      console.log(`issued ${issued.id} (${issued.role} in tenant ${issued.tenant}); the key is shown only now:`);
      console.log(issued.key);
    } else if (command === 'list') {
      const events: RecordedEvent[] = [];
      for (let from = 0n; ;) {
        const batch = await store.readAll({ fromPosition: from, limit: 1000 });
        events.push(...batch.filter((e) => (API_KEY_EVENT_TYPES as readonly string[]).includes(e.type)));
        if (batch.length < 1000) break;
        from = batch[batch.length - 1]!.position;
      }
      const lines = keysOf(events);
      console.log(lines.length > 0 ? lines.join('\n') : 'no API keys issued yet');
    } else if (command === 'revoke') {
      const id = rest[0];
      if (!id) throw new Error(USAGE);
      await recordApiKeyRevoked(deps, id, cliPrincipal());
      console.log(`revoked ${id}; its requests are refused and its sockets close once the api has projected it`);
    } else {
      throw new Error(USAGE);
    }
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(isWreError(e) ? `[wre] ${e.code}: ${e.message}` : e instanceof Error ? e.message : e);
  process.exit(1);
});
