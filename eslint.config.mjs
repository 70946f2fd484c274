import js from '@eslint/js';
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
        { patterns: ['node:*', 'fs', 'path', 'exceljs', 'react', '@fluentui/*', '*/workbook/*', '*/cli/*'] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
  },
);
