import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootApp, removeDir } from './boot-app.js';

/** schema.gql is committed; this fails when the code-first schema drifts from it (WRE_WRITE_SCHEMA=1 updates it). */
describe('schema.gql', () => {
  it('matches the schema the code generates', async () => {
    const app = await bootApp();
    try {
      const generated = readFileSync(app.schemaFile, 'utf8');
      const committedPath = join(process.cwd(), 'schema.gql');
      if (process.env.WRE_WRITE_SCHEMA === '1') copyFileSync(app.schemaFile, committedPath);
      expect(generated).toBe(readFileSync(committedPath, 'utf8'));
    } finally {
      await app.close();
      removeDir(app.dir);
    }
  });
});
