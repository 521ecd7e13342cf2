/**
 * Serves the built PWA (dist/). Hashed assets are immutable; the shell, the
 * manifest and above all the service worker must be revalidated on every
 * load (no-cache), or a tablet could stay on an old build for good.
 *
 * Text assets are precompressed at build time (scripts/compress-dist.ts):
 * `x.js.br` / `x.js.gz` beside `x.js`. `preCompressed` picks the best one the
 * browser accepts (brotli, then gzip, then the plain file) and sets
 * `Content-Encoding`; every compressible file says `Vary: Accept-Encoding`
 * so a shared cache never hands brotli to a client that did not ask for it.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { basename, extname } from 'node:path';

const ALWAYS_REVALIDATE = /^(index\.html|sw\.js|service-worker\.js|registerSW\.js|manifest\.webmanifest|workbox-[\w-]+\.js)$/;
/** the formats scripts/compress-dist.ts precompresses */
export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.xml']);

/** `x.js.br` → `x.js`: headers follow the file that was asked for, not its compressed twin. */
function requestedPath(path: string): string {
  return path.endsWith('.br') || path.endsWith('.gz') ? path.slice(0, -3) : path;
}

export async function registerStatic(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    preCompressed: true,
    setHeaders(res, servedPath) {
      const path = requestedPath(servedPath.replaceAll('\\', '/'));
      const file = basename(path);
      if (ALWAYS_REVALIDATE.test(file)) res.setHeader('cache-control', 'no-cache');
      else if (path.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else res.setHeader('cache-control', 'public, max-age=3600');
      if (COMPRESSIBLE.has(extname(path))) res.setHeader('vary', 'accept-encoding');
    },
  });
}
