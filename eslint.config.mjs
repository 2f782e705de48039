import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'tests/unit/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['electron/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.mjs', '*.config.{ts,mjs}', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Benchmarks run in Node and hand functions to the page they drive.
    files: ['bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Layering (DESIGN.md): model/ is pure; only db/ talks to Dexie; features never import Dexie.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-*', 'konva', 'dexie', 'dexie-*', '../db/*', '../state/*', '../canvas/*', '../features/*'] }],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}', 'src/canvas/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['dexie'] }] },
  },
);
