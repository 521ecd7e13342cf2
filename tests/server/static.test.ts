// @vitest-environment node
/** Serving the built PWA: SPA fallback, caching rules, API 404s stay JSON. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, useServer } from './helpers';

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
});
