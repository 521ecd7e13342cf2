// @vitest-environment node
/** Serving the built PWA: SPA fallback, caching rules, API 404s stay JSON. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressDir } from '../../scripts/compress-dist';
import { pgliteBackend, useServer } from './helpers';

const BIG_JS = Array.from({ length: 400 }, (_, i) => `export const label${i} = "pictogram ${i}";`).join('\n');

describe('static PWA', () => {
  const h = useServer(pgliteBackend);
  let dist = '';
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'tavla-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Tavla</title><script type="module" src="/assets/app-abc123.js"></script>');
    await writeFile(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await writeFile(join(dist, 'manifest.webmanifest'), '{}');
    await writeFile(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    await writeFile(join(dist, 'assets', 'board-def456.js'), BIG_JS);
    await writeFile(join(dist, 'assets', 'board-def456.css'), '.board { display: grid; }\n'.repeat(100));
    await writeFile(join(dist, 'assets', 'icon-0a1b2c.png'), Buffer.alloc(4096, 7));
    await writeFile(join(dist, 'big-sw-helper.js'), BIG_JS);
  });
  afterAll(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  it('serves the shell at / and for client-side routes, always revalidated', async () => {
    const app = await h.build({ staticDir: dist });
    for (const url of ['/', '/board/attendance', '/pair?code=ABCDEFGH']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>Tavla</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    }
  });

  it('serves the service worker with no-cache and hashed assets as immutable', async () => {
    const app = await h.build({ staticDir: dist });
    const sw = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    const head = await app.inject({ method: 'HEAD', url: '/assets/app-abc123.js' });
    expect(head.statusCode).toBe(200);
  });

  it('keeps unknown API paths and non-GET methods as JSON 404s', async () => {
    const app = await h.build({ staticDir: dist });
    const api = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
    const post = await app.inject({ method: 'POST', url: '/board' });
    expect(post.statusCode).toBe(404);
  });

  describe('precompressed assets', () => {
    beforeAll(async () => {
      // sw.js and index.html are short here: pad them so they get twins like the real ones
      await writeFile(join(dist, 'sw.js'), `self.addEventListener("fetch", () => {});\n${'// precache list\n'.repeat(100)}`);
      await writeFile(join(dist, 'index.html'), `<!doctype html><title>Tavla</title>${'<!-- shell -->\n'.repeat(100)}`);
      const stats = compressDir(dist);
      expect(stats.files).toBeGreaterThanOrEqual(4);
    });

    it('sends brotli, then gzip, then plain, with Vary, to match Accept-Encoding', async () => {
      const app = await h.build({ staticDir: dist });
      const url = '/assets/board-def456.js';
      const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.statusCode).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/javascript/);
      expect(br.headers['vary']).toMatch(/accept-encoding/i);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.rawPayload.length).toBeLessThan(BIG_JS.length / 4);
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(BIG_JS);

      const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers['vary']).toMatch(/accept-encoding/i);
      expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(gunzipSync(gz.rawPayload).toString()).toBe(BIG_JS);

      const plain = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['vary']).toMatch(/accept-encoding/i);
      expect(plain.body).toBe(BIG_JS);

      const none = await app.inject({ method: 'GET', url });
      expect(none.headers['content-encoding']).toBeUndefined();
      expect(none.body).toBe(BIG_JS);

      const css = await app.inject({ method: 'GET', url: '/assets/board-def456.css', headers: { 'accept-encoding': 'br' } });
      expect(css.headers['content-encoding']).toBe('br');
      expect(css.headers['content-type']).toMatch(/text\/css/);
    });

    it('keeps the shell and the service worker revalidated when compressed', async () => {
      const app = await h.build({ staticDir: dist });
      for (const url of ['/', '/index.html', '/board/attendance', '/sw.js']) {
        const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-encoding'], url).toBe('br');
        expect(res.headers['cache-control'], url).toBe('no-cache');
        expect(res.headers['vary'], url).toMatch(/accept-encoding/i);
        const text = brotliDecompressSync(res.rawPayload).toString();
        expect(text, url).toContain(url === '/sw.js' ? 'addEventListener' : '<title>Tavla</title>');
      }
      const gz = await app.inject({ method: 'GET', url: '/sw.js', headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers['cache-control']).toBe('no-cache');
      expect(gz.headers['content-type']).toMatch(/javascript/);
    });

    it('never compresses images, never exposes the twins as other types, and answers HEAD', async () => {
      const app = await h.build({ staticDir: dist });
      const png = await app.inject({ method: 'GET', url: '/assets/icon-0a1b2c.png', headers: { 'accept-encoding': 'br, gzip' } });
      expect(png.statusCode).toBe(200);
      expect(png.headers['content-encoding']).toBeUndefined();
      expect(png.headers['vary']).toBeUndefined();
      expect(png.headers['cache-control']).toContain('immutable');
      const head = await app.inject({ method: 'HEAD', url: '/assets/board-def456.js', headers: { 'accept-encoding': 'br' } });
      expect(head.statusCode).toBe(200);
      expect(head.headers['content-encoding']).toBe('br');
      // a file too small to compress is sent plain even to a brotli client
      const small = await app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
      expect(small.statusCode).toBe(200);
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(small.body).toBe('console.log(1)');
    });

    it('a rebuild drops stale twins of a file that became too small', async () => {
      await writeFile(join(dist, 'big-sw-helper.js'), 'tiny()');
      compressDir(dist);
      const app = await h.build({ staticDir: dist });
      const res = await app.inject({ method: 'GET', url: '/big-sw-helper.js', headers: { 'accept-encoding': 'br' } });
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body).toBe('tiny()');
    });
  });
});
