// Which source files one `executeOperation` mutation runs, measured from outside: the built server is started as
// `npm start` would (embedded store, built-in plugins) under NODE_V8_COVERAGE; coverage counters are reset after a
// warm-up request, then one request is sent and every file with a function that ran is listed.
// Run from the repository root after `npm run build`: `node tools/arch-metrics/execute-path.mjs [--list]`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'wre-execute-path-'));
const coverageDir = join(work, 'coverage');
const hook = fileURLToPath(new URL('./coverage-hook.mjs', import.meta.url));
const server = spawn(process.execPath, ['--import', hook, join(repo, 'dist/apps/api/src/main.js')], {
  cwd: work,
  env: { ...process.env, PORT: '0', NODE_V8_COVERAGE: coverageDir },
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});
let out = '';
const waiters = [];
server.stdout.on('data', (chunk) => {
  out += chunk;
  for (const w of [...waiters]) if (w.test(out)) w.resolve(out);
});
const waitFor = (regex) =>
  new Promise((resolvePromise, reject) => {
    if (regex.test(out)) return resolvePromise(out);
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${regex}; output:\n${out}`)), 60_000);
    waiters.push({ test: (s) => regex.test(s), resolve: (s) => (clearTimeout(timer), resolvePromise(s)) });
  });

const takeCoverage = () =>
  new Promise((resolveTaken) => {
    server.once('message', resolveTaken);
    server.send('take-coverage');
  });

try {
  const url = (await waitFor(/GraphQL on (http:\/\/\S+) \(/)).match(/GraphQL on (http:\/\/\S+) \(/)[1];
  const execute = async (name, domain) => {
    const query = `mutation { executeOperation(input: { type: "module_creation", params: { name: "${name}", domain: "${domain}" } }) { status recalled planner } }`;
    const post = () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    // Writing coverage can outlast the server's keep-alive; a reset pooled socket is retried once.
    const res = await post().catch(post);
    return (await res.json()).data?.executeOperation;
  };
  const warmUp = await execute('alpha', 'billing');
  await takeCoverage();
  const measured = await execute('beta', 'payments');
  await takeCoverage();
  const files = readdirSync(coverageDir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => Number(a.split('-').at(-1).split('.')[0]) - Number(b.split('-').at(-1).split('.')[0]));
  // The last file taken on demand holds the measured request alone.
  const report = JSON.parse(readFileSync(join(coverageDir, files.at(-1)), 'utf8'));
  const touched = new Set();
  for (const script of report.result) {
    if (!script.url.startsWith('file://')) continue;
    const path = relative(repo, fileURLToPath(script.url));
    if (!path.startsWith('dist/')) continue;
    if (script.functions.some((f) => f.ranges[0]?.count > 0))
      touched.add(path.slice('dist/'.length).replace(/\.js$/, '.ts'));
  }
  const packages = new Set([...touched].map((p) => p.split('/').slice(0, 2).join('/')));
  console.log(JSON.stringify({ warmUp, measured, files: touched.size, packages: [...packages].sort() }, null, 2));
  if (process.argv.includes('--list')) console.log([...touched].sort().join('\n'));
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(work, { recursive: true, force: true });
}
