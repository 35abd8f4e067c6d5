// ESM through SWC (TypeScript with decorators), one project per test suffix: unit, int, e2e, and datasets (the token
// benchmark's specs over the external tool-plan data sets; they skip with a printed reason when those are absent).
import { readFileSync } from 'node:fs';

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'es6' },
    },
  ],
};

// Package names (`#kernel`, `#stores/read-model`, …) map to the TypeScript sources, as tsc's "wre-source" condition
// does; `node dist/…` resolves the same names to the build.
const { imports } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const packageNames = Object.fromEntries(
  Object.entries(imports).map(([name, target]) => [
    `^${name.replace('/*', '/(.*)')}$`,
    `<rootDir>/${target['wre-source'].slice(2).replace('*', '$1')}`,
  ]),
);

const common = {
  transform,
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { ...packageNames, '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/bench', '<rootDir>/examples'],
};
export default {
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.cjs'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['**/*.int.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['**/*.e2e.spec.ts'] },
    { ...common, displayName: 'datasets', testMatch: ['**/*.datasets.spec.ts'] },
  ],
};
