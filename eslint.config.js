import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const CORE = ['src/config/**', 'src/trigger/**', 'src/diff/**', 'src/plan/**', 'src/review/**', 'src/state/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Tests poke at untyped webhook payloads.
    files: ['__tests__/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    // A CommonJS file loads with `require` (src/launch.cjs is the action's entry).
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core is pure: it never talks to the outside world or reads the environment.
    files: CORE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*', '@anthropic-ai/*', '@octokit/*'], message: 'The core is pure: use a port.' },
            {
              group: ['node:fs', 'node:child_process', 'node:http', 'node:https', 'node:net'],
              message: 'No I/O in the core.',
            },
            { group: ['**/forge/*', '**/main.js', '**/run.js'], message: 'The core does not depend on adapters.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Only main.ts reads the environment.' }],
    },
  },
);
