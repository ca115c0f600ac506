// Lint, and the layers of the house: main/core runs under plain Node and never imports electron;
// the renderer never imports main (it talks to it only through window.briefcase).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'native/**', 'node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'main/core runs under plain Node: only main/index.ts, ipc.ts and window.ts may import electron.' }],
          patterns: [
            { group: ['**/renderer/**'], message: 'main/core must not depend on the renderer.' },
            { group: ['../ipc', '../window', '../index', '../../main/ipc', '../../main/window'], message: 'core must not import the Electron layer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/cli/**', 'main/cli.ts', 'main/security.ts', 'main/ipc-handler.ts', 'main/close-guard.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The CLI and security rules run under plain Node (type imports allowed).', allowTypeImports: true }] }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer is sandboxed: use window.briefcase.' }],
          patterns: [
            { group: ['**/main/**', '**/main'], message: 'The renderer never imports main: call it through window.briefcase.' },
            { group: ['node:*'], message: 'The renderer runs in a sandboxed browser page.' },
          ],
        },
      ],
    },
  },
);
