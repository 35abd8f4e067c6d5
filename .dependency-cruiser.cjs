// The layer check (`npm run lint:layers`, part of `npm test`). Packages form layers; a package imports only from
// lower layers, never from its own layer's siblings or from above, and package imports never form a cycle:
//
//   kernel ← domain ← {validation, stores} ← {plugins, planners, projections, pattern-memory, skills}
//          ← orchestrator ← apps (api, worker) ← bench
//
// Tests are held to the same rule: a spec that needs two sibling packages lives one layer up.
const LAYERS = [
  ['kernel'],
  ['domain'],
  ['validation', 'stores'],
  ['plugins', 'planners', 'projections', 'pattern-memory', 'skills'],
  ['orchestrator'],
];
const libPath = (names) => `^libs/(${names.join('|')})/`;

const forbidden = [];
LAYERS.forEach((layer, i) => {
  const higher = LAYERS.slice(i + 1).flat();
  for (const name of layer) {
    const siblings = layer.filter((n) => n !== name);
    const above = [...siblings, ...higher];
    forbidden.push({
      name: `layer-${name}`,
      comment: `libs/${name} may import only from lower layers (${LAYERS.slice(0, i).flat().join(', ') || 'nothing'})`,
      severity: 'error',
      from: { path: `^libs/${name}/` },
      to: { path: [...(above.length > 0 ? [libPath(above)] : []), '^apps/', '^bench/', '^examples/'] },
    });
  }
});
forbidden.push(
  {
    name: 'apps-stay-apart',
    comment: 'apps/api and apps/worker do not import each other or the benchmarks',
    severity: 'error',
    from: { path: '^apps/([^/]+)/' },
    to: { path: '^(apps|bench|examples)/', pathNot: '^apps/$1/' },
  },
  {
    name: 'no-cycle',
    comment: 'no import cycle, between packages or between the files of one',
    severity: 'error',
    from: {},
    to: { circular: true },
  },
  {
    name: 'no-relative-across-packages',
    comment: 'import another package by its name (#kernel, #stores/event-store, …), never by ../../ path',
    severity: 'error',
    from: { path: '^(libs/[^/]+|apps/[^/]+|bench|examples)/' },
    to: { dependencyTypesNot: ['aliased-subpath-import'], path: '^(libs|apps|bench|examples)/', pathNot: '^$1/' },
  },
);

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      conditionNames: ['wre-source', 'import', 'node', 'default'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
