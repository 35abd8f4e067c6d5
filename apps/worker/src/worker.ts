import { isWreError } from '#kernel';
import { describeStore, loadConfig, ProjectionWorker } from '#orchestrator';

/** `npm run worker`: projections (and interrupted-execution recovery) outside the api, for scale-out. */
async function main(): Promise<void> {
  const config = loadConfig();
  const worker = await ProjectionWorker.start(config);
  console.log(`[wre-worker] projecting ${describeStore(config.eventStore)} into ${describeStore(config.readModel)}`);
  const stop = (): void => {
    worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(isWreError(e) ? `[wre-worker] ${e.code}: ${e.message}` : e);
  process.exit(1);
});
