/**
 * The add-in's build (dist/): the task pane page (React + Fluent UI, with the custom functions
 * and the ribbon command, one shared runtime), functions.json from the functions' JSDoc, the
 * optimiser's Web Worker with HiGHS's WebAssembly beside it (loaded on the first optimisation),
 * the map, the icons and the manifest.
 * - `ADDIN_URL=https://host.example npm run build`: the production manifest, every URL at that
 *   origin; without it, the sideloading manifest (https://localhost:3000). See scripts/addin.js.
 * - Office.js comes from Microsoft's CDN (the task pane's CSP allows that one script origin);
 *   only the offline dev server (`npm run dev-server`, or `--env office-js=local`) serves the
 *   copy from the @microsoft/office-js package instead.
 * `npm run build` prints the task pane's size, gzipped, against its 500 KB budget.
 */
const path = require('node:path');
const zlib = require('node:zlib');
const CopyPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const webpack = require('webpack');
const addin = require('./scripts/addin');

const DIST = path.resolve(__dirname, 'dist');
const OFFICE_JS = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const TASKPANE_BUDGET_GZIP = 500 * 1024;
const tsRule = {
  test: /\.tsx?$/,
  loader: 'ts-loader',
  // ES modules, so webpack can drop what is not used (Fluent UI is large).
  options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
};

/** Reports the task pane bundle's gzipped size, and fails the build above the budget. */
class GzipBudget {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('GzipBudget', (compilation) => {
      const file = path.join(compilation.outputOptions.path, 'taskpane.js');
      if (!compilation.getAsset('taskpane.js')) return;
      const raw = require('node:fs').readFileSync(file);
      const gz = zlib.gzipSync(raw, { level: 9 }).length;
      const line = `taskpane.js: ${(raw.length / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzipped (budget ${TASKPANE_BUDGET_GZIP / 1024} KB gzipped, WebAssembly excluded)`;
      console.log(line);
      if (gz > TASKPANE_BUDGET_GZIP) compilation.errors.push(new webpack.WebpackError(`over budget: ${line}`));
    });
  }
}

/**
 * `npm run dev-server`: dist/ over https on localhost:3000 with Office's trusted development
 * certificate (office-addin-dev-certs installs it on first use), for sideloading manifest.xml.
 * `npm run dev-server -- --env http` serves plain http on 127.0.0.1 (no certificate), as the tests do.
 * Excel on the web fetches functions.json from its own origin (excel.officeapps.live.com and
 * others), so every response carries `Access-Control-Allow-Origin: *`: the files are public.
 */
async function devServer(env, port = 3000) {
  const headers = { 'Access-Control-Allow-Origin': '*' };
  if (env && env.http) return { host: '127.0.0.1', port, static: DIST, headers, hot: false };
  const { getHttpsServerOptions } = require('office-addin-dev-certs');
  return { port, static: DIST, headers, hot: false, server: { type: 'https', options: await getHttpsServerOptions() } };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const serving = process.argv.includes('serve');
  const server = serving ? await devServer(env) : undefined;
  const officeJs = env['office-js'] ?? (serving ? 'local' : 'cdn');
  if (officeJs !== 'cdn' && officeJs !== 'local') throw new Error(`--env office-js=${officeJs}: use cdn or local`);
  const base = addin.addinUrl();
  // The local Office.js copy: the Excel host scripts and two languages.
  const localOfficeJs =
    officeJs === 'local'
      ? [
          { from: '{office,o15apptofilemappingtable,custom-functions-runtime,es6-promise}.js', context: OFFICE_JS, to: 'office/' },
          { from: 'excel-*.js', context: OFFICE_JS, to: 'office/', globOptions: { ignore: ['**/*.debug.js'] } },
          { from: '{nb-no,en-us}/office_strings.js', context: OFFICE_JS, to: 'office/' },
        ]
      : [];
  return [
    {
      name: 'taskpane',
      mode,
      devtool: 'source-map',
      entry: { taskpane: './src/taskpane/index.tsx' },
      output: { path: DIST, filename: '[name].js' },
      resolve: { extensions: ['.tsx', '.ts', '.js'] },
      module: { rules: [tsRule, { test: /\.csv$/, type: 'asset/source' }] },
      plugins: [
        new HtmlWebpackPlugin({
          template: './src/taskpane/taskpane.html',
          filename: 'taskpane.html',
          chunks: ['taskpane'],
          scriptLoading: 'defer',
          officeJs: addin.officeJsSrc(officeJs),
          csp: addin.contentSecurityPolicy(officeJs),
        }),
        new CustomFunctionsMetadataPlugin({ input: './src/functions/functions.ts', output: 'functions.json' }),
        new CopyPlugin({
          patterns: [
            { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
            { from: 'assets/kommuner_kart.json', to: 'kommuner_kart.json' },
            { from: 'src/taskpane/help.html', to: 'help.html' },
            { from: 'manifest.xml', to: 'manifest.xml', transform: (xml) => addin.manifestFor(xml.toString('utf8'), base) },
            ...localOfficeJs,
          ],
        }),
        new GzipBudget(),
      ],
      performance: { hints: false },
      devServer: server,
    },
    {
      // The task pane's own worker: reading, scoring and building sheets off the page's thread.
      name: 'pane-worker',
      mode,
      devtool: 'source-map',
      target: 'webworker',
      entry: { 'pane-worker': './src/taskpane/paneWorker.ts' },
      output: { path: DIST, filename: '[name].js' },
      resolve: { extensions: ['.ts', '.js'] },
      module: { rules: [tsRule, { test: /\.csv$/, type: 'asset/source' }] },
      performance: { hints: false },
    },
    {
      name: 'solver-worker',
      mode,
      devtool: 'source-map',
      target: 'webworker',
      entry: { 'solver-worker': './src/optimize/webWorker.ts' },
      output: { path: DIST, filename: '[name].js' },
      resolve: {
        extensions: ['.ts', '.js'],
        fallback: { fs: false, path: false, crypto: false, module: false, url: false, worker_threads: false },
      },
      module: { rules: [tsRule] },
      plugins: [
        // HiGHS's loader requires Node built-ins only on Node; in the worker they resolve to nothing.
        new webpack.NormalModuleReplacementPlugin(/^node:/, (r) => {
          r.request = r.request.replace(/^node:/, '');
        }),
        new CopyPlugin({ patterns: [{ from: require.resolve('highs/runtime'), to: 'highs.wasm' }] }),
      ],
      performance: { maxAssetSize: 4 * 1024 * 1024, maxEntrypointSize: 512000, hints: 'error', assetFilter: (f) => !f.endsWith('.map') },
    },
  ];
};
module.exports.devServer = devServer;
