import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'lib/', 'dist/', 'out/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
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
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
  },
);
