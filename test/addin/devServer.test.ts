/**
 * `npm run dev-server` as Excel on the web meets it: Excel fetches functions.json from its own
 * origin (a cross-origin fetch), so the answer must carry an Access-Control-Allow-Origin header
 * that admits that origin. The server here is webpack-dev-server with the project's own options
 * (webpack.config.js `devServer`, plain-http variant), serving a stand-in dist/.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as {
  devServer(env: { http?: boolean }, port?: number): Promise<WebpackDevServer.Configuration>;
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

let server: WebpackDevServer;
let base: string;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kp-devserver-'));
  writeFileSync(path.join(dir, 'functions.json'), JSON.stringify({ functions: [] }));
  writeFileSync(path.join(dir, 'entry.js'), '');
  const port = await freePort();
  const options = await config.devServer({ http: true }, port);
  const compiler = webpack({
    mode: 'development',
    entry: path.join(dir, 'entry.js'),
    output: { path: path.join(dir, 'out') },
    infrastructureLogging: { level: 'error' },
  });
  server = new WebpackDevServer({ ...options, static: dir }, compiler);
  await server.start();
  base = `http://127.0.0.1:${port}`;
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

it('answers functions.json with an Access-Control-Allow-Origin that admits Excel on the web', async () => {
  for (const origin of ['https://excel.officeapps.live.com', 'https://excel.cloud.microsoft']) {
    const res = await fetch(`${base}/functions.json`, { headers: { Origin: origin } });
    expect(res.status).toBe(200);
    const allowed = res.headers.get('access-control-allow-origin');
    expect(allowed === '*' || allowed === origin).toBe(true);
    expect(await res.json()).toEqual({ functions: [] });
  }
});
