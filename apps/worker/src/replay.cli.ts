import { isWreError } from '#kernel';
import { bootRuntime, closeRuntime, loadConfig, rebuildProjections } from '#orchestrator';

/**
 * `npm run replay`: drops every read model and replays the whole event log into it, then prints the report.
 * Run it with the api stopped (or use the rebuildProjections mutation on a running server): two processes
 * projecting into the same SQLite read model would race.
 */
async function main(): Promise<void> {
  const rt = await bootRuntime(loadConfig(), { builtins: false, recoverInterrupted: false });
  try {
    const report = await rebuildProjections(rt);
    console.log(
      JSON.stringify(
        { ...report, position: report.position.toString(), durationMs: Math.round(report.durationMs * 10) / 10 },
        null,
        2,
      ),
    );
  } finally {
    await closeRuntime(rt);
  }
}

main().catch((e: unknown) => {
  console.error(isWreError(e) ? `[wre] ${e.code}: ${e.message}` : e);
  process.exit(1);
});
