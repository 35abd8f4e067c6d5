/** Where one event store lives inside a database; everything is derived from the (validated) schema name. */
export interface PgEventTables {
  /** The schema name as given (unquoted). */
  schema: string;
  /** Quoted, schema-qualified `events` table. */
  events: string;
  /** NOTIFY channel of this store; per schema, so stores sharing a database do not wake each other. */
  channel: string;
  /** Quoted, schema-qualified append function (postgres-append-fn.ts). */
  appendFn: string;
}
