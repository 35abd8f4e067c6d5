// Preloaded into the measured server: a "take-coverage" message over IPC writes the V8 coverage gathered so far
// (NODE_V8_COVERAGE) and resets the counters, so the next file holds exactly what ran in between. (IPC, not a
// signal: Nest's shutdown hooks claim SIGUSR2.)
import v8 from 'node:v8';

process.on('message', (message) => {
  if (message !== 'take-coverage') return;
  v8.takeCoverage();
  process.send?.('coverage-taken');
});
// The IPC channel must not keep the server alive on its own.
process.channel?.unref();
