import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Test files and test helpers: they may import fixtures; nothing else may. */
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**', '**/test-support.ts'];
const TEST_SUPPORT = {
  group: ['**/test-support', '**/test-support/**', '../**/test/fixtures/**'],
  message: 'Production code does not import fixtures or test helpers (test-support/ is for tests).',
};

/**
 * The same import restrictions for a part's production files and its tests,
 * plus, for production files only, no test-support. (A later config block's
 * no-restricted-imports replaces an earlier one's, so each file gets one.)
 */
function restrictImports(files, patterns) {
  return [
    { files, ignores: TEST_FILES, rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, TEST_SUPPORT] }] } },
    { files: files.flatMap((f) => TEST_FILES.map((t) => f.replace(/\/\*\*\/.*$/, '/' + t))), rules: { 'no-restricted-imports': ['error', { patterns }] } },
  ];
}

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
  // Fixtures and test helpers live in test-support/ folders (and test/): only
  // tests and other test helpers may import them, never production code.
  ...restrictImports(['shared/**/*.ts'], [
    { group: ['../**/server', '../**/server/**', './server/**', '../**/renderer', '../**/renderer/**', './renderer/**', '../**/electron', '../**/electron/**', './electron/**', '../**/test', '../**/test/**', './test/**', '../**/bench', '../**/bench/**', './bench/**', '../**/scripts', '../**/scripts/**', './scripts/**'], message: 'shared/ imports no other part.' },
    { group: ['node:*', 'fs', 'path'], message: 'shared/ is pure: no I/O.' },
  ]),
  ...restrictImports(['renderer/**/*.{ts,tsx}', 'electron/**/*.ts'], [
    { group: ['../**/server', '../**/server/**', './server/**'], message: 'The desktop app never imports the server; a test that needs both lives in test/integration/.' },
    { group: ['../**/test', '../**/test/**', './test/**', '../**/bench', '../**/bench/**', './bench/**'], message: 'The desktop app does not import tests or benchmarks.' },
  ]),
  ...restrictImports(['server/**/*.ts'], [
    { group: ['../**/renderer', '../**/renderer/**', './renderer/**', '../**/electron', '../**/electron/**', './electron/**'], message: 'The server never imports the desktop app.' },
  ]),
);
