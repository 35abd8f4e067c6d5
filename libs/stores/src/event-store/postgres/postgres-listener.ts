import pg from 'pg';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/**
 * One dedicated connection that LISTENs on the store's channel and calls `onWake` for every notification. If the
 * connection fails it reconnects with doubling pauses (100 ms up to 5 s) and calls `onWake` once LISTEN is back,
 * because notifications sent while it was away are lost; until then subscriptions still advance by polling.
 */
export class PgListener {
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;
  private stopped = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly onWake: () => void,
  ) {}

  /** Connects and LISTENs; rejects if the first attempt fails, so a bad URL surfaces at open(). */
  start(): Promise<void> {
    return this.connect();
  }

  /** Closes the connection and cancels a pending reconnect. Idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    // keepAlive: a silently dropped connection (no FIN) then errors out eventually instead of idling forever.
    const client = new pg.Client({ ...this.config, keepAlive: true });
    // Handlers go on before connect(): an 'error' without a listener would crash the process.
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (n) => {
      if (n.channel === this.channel) this.onWake();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
    } catch (e) {
      await client.end().catch(() => undefined);
      throw e;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    // Only a connection that is fully listening counts; errors of a half-open one are the catch above's business.
    this.client = client;
  }

  private lost(client: pg.Client): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.timer = setTimeout(() => {
      this.connect().then(
        () => {
          this.retryMs = FIRST_RETRY_MS;
          if (!this.stopped) this.onWake();
        },
        () => {
          this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
          if (!this.stopped) this.scheduleReconnect();
        },
      );
    }, this.retryMs);
  }
}
