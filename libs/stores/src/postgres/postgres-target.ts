/**
 * `?schema=<name>` on a postgres URL selects the schema (one database, several deployments or tests). It is our
 * convention, not libpq's, so the parameter is removed before the URL reaches a connection.
 */
export function postgresTarget(raw: string): { url: string; schema: string | undefined } {
  const url = new URL(raw);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return { url: url.toString(), schema };
}
