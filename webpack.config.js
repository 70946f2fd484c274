/**
 * Browser build. Today it bundles the engine (src/browser.ts) with the embedded dataset as a
 * library, which also proves the engine has no Node dependencies. The task pane, custom
 * functions and the optimiser worker are added here as they are built.
 */
const path = require('node:path');
const CopyPlugin = require('copy-webpack-plugin');
const webpack = require('webpack');

module.exports = (_env, argv) => [
  {
    mode: argv.mode || 'production',
    devtool: 'source-map',
    entry: { kontorplan: './src/browser.ts' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      library: { name: 'Kontorplan', type: 'umd' },
      globalObject: 'this',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        { test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.build.json' } },
        { test: /\.csv$/, type: 'asset/source' },
      ],
    },
    performance: { maxAssetSize: 512000, maxEntrypointSize: 512000, hints: 'error' },
  },
  // The optimiser's Web Worker: HiGHS (its WebAssembly is copied beside it and loaded lazily).
  {
    mode: argv.mode || 'production',
    devtool: 'source-map',
    target: 'webworker',
    entry: { 'solver-worker': './src/optimize/webWorker.ts' },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js' },
    resolve: {
      extensions: ['.ts', '.js'],
      fallback: { fs: false, path: false, crypto: false, module: false, url: false, worker_threads: false },
    },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.build.json' } }] },
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
