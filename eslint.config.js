// ESLint (flat config) with typescript-eslint; formatting is Prettier's job (`prettier --check` in `npm run lint`).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'workspace/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a field away, an ignored parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // The layer check reads import specifiers; a computed one, or a require made at run time, would slip past it.
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression[source.type!="Literal"]', message: 'import() takes a literal specifier here.' },
        { selector: 'CallExpression[callee.name="createRequire"]', message: 'use import, which the layer check sees.' },
      ],
    },
  },
  {
    // Type-aware checks where they pay for their cost: an un-awaited promise is a lost failure in this codebase.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/testing/**/*.ts', '**/test/**/*.ts', '**/*.fixture.ts', '**/*.contract.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
