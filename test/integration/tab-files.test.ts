import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildTab, type BuiltTab } from '../../scripts/build-tab';
import { startTestService, tempDir } from '../harness/service';
import type { Service } from '../../src/service';

/** One raw answer: node:http does not decode content codings, so the bytes are what was sent. */
interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * The built tab as the service sends it: compressed by Accept-Encoding (brotli, gzip),
 * assets under content-hashed names cached for a year, the page revalidated by ETag, and no
 * source maps. Built into a folder of its own and served by the real service on 127.0.0.1.
 */
describe('the tab is served compressed and cached', () => {
  let built: BuiltTab;
  let svc: Service & { dataDir: string };
  let script = '';
  let style = '';

  const get = (urlPath: string, headers: Record<string, string> = {}): Promise<Raw> =>
    new Promise((resolve, reject) => {
      const req = http.get(`${svc.url}${urlPath}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
    });

  beforeAll(async () => {
    built = await buildTab({ outDir: path.join(tempDir('justera-tab-build-'), 'tab') });
    svc = await startTestService({}, undefined, { tabDir: built.outDir });
    const page = (await get('/tab/my-meetings')).body.toString('utf8');
    script = /<script src="([^"]+)"/.exec(page)?.[1] ?? '';
    style = /<link rel="stylesheet" href="([^"]+)"/.exec(page)?.[1] ?? '';
  }, 120000);

  afterAll(async () => {
    await svc?.stop();
    fs.rmSync(path.dirname(built.outDir), { recursive: true, force: true });
    fs.rmSync(svc.dataDir, { recursive: true, force: true });
  });

  test('the page names its script and stylesheet by a hash of their content', () => {
    expect(script).toMatch(/^\/tab\/assets\/app-[A-Z0-9]{8}\.js$/);
    expect(style).toMatch(/^\/tab\/assets\/app-[A-Z0-9]{8}\.css$/);
    // Every file the build put under assets/ carries such a hash (a compressed copy, its file's).
    const assets = built.files.filter((f) => f.startsWith('assets/'));
    expect(assets.filter((f) => !/^assets\/app-[A-Z0-9]{8}\.(js|css)(\.LEGAL\.txt)?(\.br|\.gz)?$/.test(f))).toEqual([]);
  });

  test('assets are cached for a year as immutable; the page is revalidated (no-cache) with an ETag', async () => {
    for (const asset of [script, style]) {
      const res = await get(asset, { 'accept-encoding': 'br, gzip' });
      expect({ asset, status: res.status, cache: res.headers['cache-control'], vary: res.headers.vary }).toEqual({
        asset,
        status: 200,
        cache: 'public, max-age=31536000, immutable',
        vary: 'Accept-Encoding',
      });
    }
    for (const page of ['/tab', '/tab/channel', '/tab/my-meetings?x=1']) {
      const res = await get(page);
      expect({ page, status: res.status, type: res.headers['content-type'], cache: res.headers['cache-control'] }).toEqual({
        page,
        status: 200,
        type: 'text/html; charset=utf-8',
        cache: 'no-cache',
      });
      expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    }
  });

  test("the page answers 304 Not Modified to the browser's ETag, and 200 with the page to another", async () => {
    const first = await get('/tab/channel', { 'accept-encoding': 'gzip' });
    const etag = first.headers.etag ?? '';
    const again = await get('/tab/my-meetings', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect({ status: again.status, length: again.body.length, etag: again.headers.etag, cache: again.headers['cache-control'] }).toEqual({
      status: 304,
      length: 0,
      etag,
      cache: 'no-cache',
    });
    expect((await get('/tab/channel', { 'accept-encoding': 'gzip', 'if-none-match': `W/${etag}` })).status).toBe(304);
    const stale = await get('/tab/channel', { 'accept-encoding': 'gzip', 'if-none-match': '"an-older-build"' });
    expect(stale.status).toBe(200);
    expect(gunzipSync(stale.body).toString('utf8')).toContain(script);
    // Each encoding is a representation of its own: the brotli page has another ETag.
    const br = await get('/tab/channel', { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.etag).not.toBe(etag);
    expect((await get('/tab/channel', { 'accept-encoding': 'br', 'if-none-match': etag })).status).toBe(200);
  });

  test('the script is sent in brotli or gzip as Accept-Encoding asks, the same bytes once decoded, and far smaller', async () => {
    const plain = await get(script);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
    const cases: [string, string | undefined][] = [
      ['gzip, deflate, br, zstd', 'br'],
      ['br', 'br'],
      ['gzip, deflate', 'gzip'],
      ['gzip;q=1.0, br;q=0.5', 'gzip'],
      ['GZIP ; q=0.8 , br;q=0.2', 'gzip'],
      ['br;q=0, *', 'gzip'],
      ['*', 'br'],
      ['deflate', undefined],
      ['identity', undefined],
    ];
    const sizes: Record<string, number> = { identity: plain.body.length };
    for (const [accept, expected] of cases) {
      const res = await get(script, { 'accept-encoding': accept });
      expect({ accept, encoding: res.headers['content-encoding'], type: res.headers['content-type'], vary: res.headers.vary }).toEqual({
        accept,
        encoding: expected,
        type: 'text/javascript; charset=utf-8',
        vary: 'Accept-Encoding',
      });
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      const decoded = expected === 'br' ? brotliDecompressSync(res.body) : expected === 'gzip' ? gunzipSync(res.body) : res.body;
      expect(decoded.equals(plain.body)).toBe(true);
      sizes[expected ?? 'identity'] = res.body.length;
    }
    expect(sizes.br).toBeLessThan(sizes.gzip!);
    // The issue measured 764 KB → 210 KB gzipped, 177 KB brotli: about a quarter.
    expect(sizes.gzip! / sizes.identity!).toBeLessThan(0.35);
    expect(sizes.br! / sizes.identity!).toBeLessThan(0.3);
  });

  test('there are no source maps: none built, none named in the script, none served even if put there', async () => {
    expect(built.files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const plain = (await get(script)).body.toString('utf8');
    expect(plain).not.toContain('sourceMappingURL');
    fs.writeFileSync(path.join(built.outDir, script.replace('/tab/', '') + '.map'), '{"version":3}');
    for (const asset of [`${script}.map`, `${script}.br`, `${script}.gz`]) {
      const res = await get(asset);
      expect({ asset, status: res.status, type: res.headers['content-type'] }).toEqual({ asset, status: 404, type: 'application/problem+json' });
    }
  });
});
