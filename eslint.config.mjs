import js from '@eslint/js';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

/** What the engine (and everything below the shells) may not import, and why. */
const ENGINE = [
  {
    group: ['node:*', 'fs', 'path'],
    message: 'The engine is pure (DESIGN.md, Architecture): no Node built-ins; the shells in src/cli read files.',
  },
  { group: ['exceljs'], message: 'Only the exceljs adapter (src/workbook/exceljs) uses exceljs.' },
  { group: ['react', '@fluentui/*'], message: 'React and Fluent UI belong to the task pane (src/taskpane).' },
  {
    group: ['**/workbook/*', '!**/workbook/port'],
    message: 'The engine reaches workbooks through src/workbook/port.ts only, never an adapter.',
  },
  { group: ['**/cli/*'], message: 'The command line is a shell over src/app: nothing below it imports it.' },
  { group: ['**/taskpane/*'], message: 'The task pane is a shell over src/app: nothing below it imports it.' },
];

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
    // Typed rules for the product's code: a promise is awaited, returned or marked `void` with
    // the reason beside it (the pane's useAction().run never rejects, so its click handlers
    // `void` it), and never handed where a plain callback is expected.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: dirname(fileURLToPath(import.meta.url)) } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // React's rules of hooks: a hook is called unconditionally, in the same order each render,
    // and an effect lists what it reads (or says why not).
    files: ['src/taskpane/**/*.tsx', 'src/taskpane/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // The layering (DESIGN.md, Architecture), one message per forbidden import. A later block for
  // the same files replaces the rule, so each block lists everything its files may not import.
  {
    // The engine is pure: no Office.js, exceljs, React or Node built-ins, and no shell or adapter.
    // src/optimize runs in a Web Worker too; only its node/ folder (the worker thread) may use Node.
    files: [
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
    rules: { 'no-restricted-imports': ['error', { patterns: ENGINE }] },
  },
  {
    // src/domain is the bottom layer: plain types, parameters and sheet geometry.
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...ENGINE,
            { group: ['../*', '!../domain/*'], message: 'src/domain is the bottom layer: it imports nothing outside src/domain.' },
          ],
        },
      ],
    },
  },
  ...['memory', 'exceljs', 'office'].map((adapter) => ({
    files: [`src/workbook/${adapter}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['memory', 'exceljs', 'office']
                .filter((other) => other !== adapter)
                .flatMap((other) => [`../${other}/*`, `**/workbook/${other}/*`]),
              message: `Adapters do not import each other: the ${adapter} adapter shares only src/workbook/port.ts and src/domain (sheet geometry: src/domain/layout.ts).`,
            },
            {
              group: ['**/cli/*', '**/taskpane/*', '**/app/*'],
              message: 'An adapter is below the commands and the shells: it does not import them.',
            },
          ],
        },
      ],
    },
  })),
  {
    // The shells (the command line, the task pane, the custom functions Excel calls) run the
    // engine through src/app only. Types may come from anywhere (they call nothing); the Node worker thread that runs
    // HiGHS for the command line (src/optimize/node) is the command line's solver, as the Web
    // Worker is the pane's.
    files: ['src/cli/**', 'src/taskpane/**', 'src/functions/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(scoring|optimize|costkeys)(/(?!node/).*)?$',
              allowTypeImports: true,
              message:
                'A shell calls the engine through src/app (its commands, and src/app/shared.ts for labels and constants), never src/scoring, src/optimize or src/costkeys directly.',
            },
          ],
        },
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
