import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import kiosk from './eslint-rules/layering.js';

const root = import.meta.dirname;

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test/fixtures/', 'test-results/', 'playwright-report/', '.kiosk-data/', 'artifacts/', '.test-bundles-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { kiosk },
    rules: {
      'kiosk/layering': ['error', { root }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'shell', property: 'openExternal', message: 'The kiosk never opens anything outside itself.' },
        { object: 'shell', property: 'openPath', message: 'The kiosk never opens anything outside itself.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='ipcRenderer'][callee.property.name='invoke'][arguments.0.type!='Literal'][arguments.0.type!='TemplateLiteral']",
          message: 'ipcRenderer.invoke takes a fixed channel: expose domain-shaped functions, never a generic invoke(channel).',
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests wait for conditions, not for time: a manual sleep hides a race.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='waitForTimeout']",
          message: 'Wait for a condition (expect.poll, locator assertions), not for time.',
        },
      ],
    },
  },
);
