import * as path from 'node:path';
import webpack from 'webpack';

/** Bundles the fake Office host (test/e2e/fakeOffice.ts) for the browser. */
export function buildFakeOffice(outDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'development',
        devtool: false,
        entry: path.join(__dirname, 'fakeOffice.ts'),
        output: { path: outDir, filename: 'fake-office.js' },
        resolve: { extensions: ['.ts', '.js'] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              loader: 'ts-loader',
              options: {
                transpileOnly: true,
                configFile: path.join(__dirname, '..', '..', 'tsconfig.json'),
                compilerOptions: { module: 'esnext', moduleResolution: 'bundler' },
              },
            },
          ],
        },
      },
      (err, stats) => {
        if (err || stats?.hasErrors()) reject(err ?? new Error(stats!.toString('errors-only')));
        else resolve(path.join(outDir, 'fake-office.js'));
      },
    );
  });
}
