/**
 * Browser build. Today it bundles the engine (src/browser.ts) with the embedded dataset as a
 * library, which also proves the engine has no Node dependencies. The task pane, custom
 * functions and the optimiser worker are added here as they are built.
 */
const path = require('node:path');

module.exports = (_env, argv) => ({
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
});
