import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', '.data', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // Dependency rules between the parts (README, "Layout"): shared/ is the pure
  // domain and imports no other part; the desktop app (renderer/, electron/)
  // never reaches into the server; tests that cross parts live in test/.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../**/server', '../**/server/**', './server/**', '../**/renderer', '../**/renderer/**', './renderer/**', '../**/electron', '../**/electron/**', './electron/**', '../**/test', '../**/test/**', './test/**', '../**/bench', '../**/bench/**', './bench/**', '../**/scripts', '../**/scripts/**', './scripts/**'], message: 'shared/ imports no other part.' },
            { group: ['node:*', 'fs', 'path'], message: 'shared/ is pure: no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../**/server', '../**/server/**', './server/**'], message: 'The desktop app never imports the server; a test that needs both lives in test/integration/.' },
            { group: ['../**/test', '../**/test/**', './test/**', '../**/bench', '../**/bench/**', './bench/**'], message: 'The desktop app does not import tests or benchmarks.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../**/renderer', '../**/renderer/**', './renderer/**', '../**/electron', '../**/electron/**', './electron/**'], message: 'The server never imports the desktop app.' }] },
      ],
    },
  },
);
