// ESLint flat config. The layer rules below are the project's architecture, checked on every `npm test`
// (test/architecture/layers.test.ts proves they fire).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nativeModules = ['graphene-pk11', 'pkcs11js', 'pcsclite'];

/**
 * Core, CLI, the card worker, the harness and the shell's handlers/settings are plain Node: never Electron. Only
 * electron/shell/main.ts, preload.ts and shell/app/ are the Electron glue.
 */
const coreLayer = {
  files: [
    'electron/core/**/*.ts',
    'electron/cli/**/*.ts',
    'electron/worker/**/*.ts',
    'electron/harness/**/*.ts',
    'electron/shell/handlers/**/*.ts',
    'electron/shell/ipc/**/*.ts',
    'electron/shell/settings/**/*.ts',
  ],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          {
            name: 'electron',
            message:
              'This layer must stay plain Node (layer rule): only electron/shell/{main,preload}.ts and shell/app/ use Electron.',
          },
        ],
        patterns: [{ group: ['electron/*'], message: 'This layer must stay plain Node (layer rule).' }],
      },
    ],
  },
};

/** Renderer and the shared contract run in the sandboxed page: no Node, no native modules, no Electron. */
const pageLayer = {
  files: ['renderer/**/*.ts', 'renderer/**/*.tsx', 'shared/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [...nodeBuiltins, ...nativeModules, 'electron'].map((name) => ({
          name,
          message:
            'renderer/ and shared/ may not use Node, native modules or Electron: go through the preload bridge.',
        })),
        patterns: [
          {
            group: ['**/electron/core/**', '**/electron/cli/**', '**/electron/shell/**'],
            message: 'renderer/ and shared/ may not import main-process code.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-output/**',
      'renderer/dist/**',
      'renderer/dist-harness/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  coreLayer,
  pageLayer,
);
