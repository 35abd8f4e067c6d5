// Static architecture figures for the closing notes of structural changes:
// cross-package relative imports, upward or cyclic package imports, source files over 150 lines once formatted at
// print width 120, README size. Run from the repository root: `node tools/arch-metrics/static-metrics.mjs`.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import * as prettier from 'prettier';

const ROOTS = ['apps', 'libs', 'bench', 'examples', 'clients'];
// Layer of each package (lower never imports higher). Names of the layout before the architecture issue are kept
// so the same command measures both sides of it.
const LAYER = {
  'libs/kernel': 0,
  'libs/domain': 1,
  'libs/testing': 1,
  'libs/validation': 2,
  'libs/stores': 2,
  'libs/event-store': 2,
  'libs/plugins': 3,
  'libs/planners': 3,
  'libs/projections': 3,
  'libs/pattern-memory': 3,
  'libs/skills': 3,
  'libs/orchestrator': 4,
  'apps/api': 5,
  'apps/worker': 5,
  bench: 6,
};

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const packageOf = (file) => {
  const [top, second] = normalize(file).split('/');
  return top === 'apps' || top === 'libs' ? `${top}/${second}` : top;
};

const pkgJson = JSON.parse(readFileSync('package.json', 'utf8'));
const imports = pkgJson.imports ?? {};
/** Where a `#name` specifier points in the source tree (the condition used by tsc and jest). */
function resolveHash(spec) {
  for (const [key, target] of Object.entries(imports)) {
    const source = typeof target === 'string' ? target : (target['wre-source'] ?? target.types ?? target.default);
    if (key === spec) return normalize(source);
    if (key.endsWith('*') && spec.startsWith(key.slice(0, -1)))
      return normalize(source.replace('*', spec.slice(key.length - 1)));
  }
  return null;
}

const SPEC = /(?:^|[^.\w])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const files = ROOTS.flatMap((r) => walk(r));
let crossRelative = 0;
let deepRelative = 0;
const edges = new Map(); // "a -> b" -> count
for (const file of files) {
  const from = packageOf(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(SPEC)) {
    const spec = m[1] ?? m[2];
    let target = null;
    if (spec.startsWith('.')) {
      target = normalize(join(dirname(file), spec));
      if (packageOf(target) !== from) {
        crossRelative += 1;
        if (spec.startsWith('../../../../../')) deepRelative += 1;
      }
    } else if (spec.startsWith('#')) target = resolveHash(spec);
    if (!target) continue;
    const to = packageOf(target);
    if (to === from || !(to in LAYER)) continue;
    const key = `${from} -> ${to}`;
    edges.set(key, (edges.get(key) ?? 0) + 1);
  }
}

const upward = [...edges].filter(([k]) => {
  const [a, b] = k.split(' -> ');
  return (LAYER[b] ?? 0) > (LAYER[a] ?? 0);
});
// Package cycles: pairs of packages that reach each other.
const adj = new Map();
for (const k of edges.keys()) {
  const [a, b] = k.split(' -> ');
  if (!adj.has(a)) adj.set(a, new Set());
  adj.get(a).add(b);
}
const reaches = (a, b, seen = new Set()) => {
  for (const n of adj.get(a) ?? []) {
    if (n === b) return true;
    if (!seen.has(n)) {
      seen.add(n);
      if (reaches(n, b, seen)) return true;
    }
  }
  return false;
};
const cyclic = [...edges].filter(([k]) => {
  const [a, b] = k.split(' -> ');
  return reaches(b, a);
});

const options = {
  ...JSON.parse(readFileSync(new URL('../../.prettierrc.json', import.meta.url), 'utf8')),
  parser: 'typescript',
};
const isTest = (f) =>
  /\.(spec|contract)\.ts$/.test(f) || /\.fixtures?\.ts$/.test(f) || f.includes('/test/') || f.includes('/testing/');
let longLines = 0;
for (const file of files)
  longLines += readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.length > 120).length;
let over150 = 0;
let over300 = 0;
const biggest = [];
for (const file of files.filter((f) => !isTest(f))) {
  const formatted = await prettier.format(readFileSync(file, 'utf8'), options);
  const lines = formatted.split('\n').length - 1;
  if (lines > 150) over150 += 1;
  if (lines > 300) over300 += 1;
  biggest.push([lines, file]);
}
biggest.sort((a, b) => b[0] - a[0]);

const readme = existsSync('README.md') ? statSync('README.md').size : 0;
const report = {
  sourceFiles: files.filter((f) => !isTest(f)).length,
  crossPackageRelativeImports: crossRelative,
  deepRelativeImports: deepRelative,
  upwardPackageEdges: upward.map(([k, n]) => `${k} (${n})`),
  cyclicPackageEdges: cyclic.map(([k, n]) => `${k} (${n})`),
  linesOver120Chars: longLines,
  sourceFilesOver150Lines: over150,
  sourceFilesOver300Lines: over300,
  largestSourceFiles: biggest.slice(0, 8).map(([n, f]) => `${f} ${n}`),
  readmeBytes: readme,
};
console.log(JSON.stringify(report, null, 2));
console.log(
  `(measured in ${relative(process.cwd(), process.cwd()) || '.'}: ${files.length} .ts files under ${ROOTS.join(', ')})`,
);
