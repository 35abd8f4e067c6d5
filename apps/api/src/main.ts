import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { isWreError } from '#kernel';
import { describeStore, loadConfig } from '#orchestrator';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { configureHttp } from './common/http/configure-http.js';

/** `npm start`: the GraphQL server on the embedded store with the built-in plugins registered. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, { schemaFile: process.env.WRE_SCHEMA_FILE || false }),
    {
      logger: ['error', 'warn', 'log'],
      bodyParser: false,
      // Let start-up errors (e.g. a malformed protocol file) reach the handler below and print file:line.
      abortOnError: false,
    },
  );
  configureHttp(app, config);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  // PORT=0 picks a free port; report the one actually bound.
  const port = (app.getHttpServer().address() as { port: number } | null)?.port ?? config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/graphql`;
  console.log(
    `[wre] GraphQL on ${url} (events: ${describeStore(config.eventStore)}, read models: ${describeStore(config.readModel)}, projections: ${config.projections}, workspace: ${config.workspaceRoot})`,
  );
}

bootstrap().catch((e: unknown) => {
  console.error(isWreError(e) ? `[wre] ${e.code}: ${e.message}` : e);
  process.exit(1);
});
