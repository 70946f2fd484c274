import js from '@eslint/js';
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'lib/', 'dist/', 'out/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Security: no code from strings, and nothing from a cell rendered as HTML.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Nothing from a workbook is ever rendered as HTML.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Nothing from a workbook is ever rendered as HTML.' },
      ],
    },
  },
  {
    // The engine is pure: no Office.js, exceljs, React or Node built-ins (DESIGN.md, Architecture).
    // src/optimize runs in a Web Worker too; only its node/ folder (the worker thread) may use Node.
    files: [
      'src/domain/**',
      'src/io/**',
      'src/travel/**',
      'src/scoring/**',
      'src/data/**',
      'src/optimize/**',
      'src/costkeys/**',
      'src/functions/**',
      'src/app/**',
    ],
    ignores: ['src/optimize/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        // The port (src/workbook/port.ts) is the engine's own interface; the adapters beside it are not.
        { patterns: ['node:*', 'fs', 'path', 'exceljs', 'react', '@fluentui/*', '*/workbook/*', '!*/workbook/port', '*/cli/*'] },
      ],
    },
  },
  {
    // Microsoft's Office add-in rules (eslint-plugin-office-addins), at the levels of its own
    // recommended set; its shipped config brings its own parser and prettier, so only the rules
    // are taken here, for the code that runs against Office.js.
    files: ['src/workbook/office/**/*.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/functions/**/*.ts', 'test/typecheck/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'warn',
      'office-addins/no-empty-load': 'warn',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'warn',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
  },
);
