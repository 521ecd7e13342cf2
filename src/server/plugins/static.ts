/**
 * Serves the built PWA (dist/). Hashed assets are immutable; the shell, the
 * manifest and above all the service worker must be revalidated on every
 * load (no-cache), or a tablet could stay on an old build for good.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { basename } from 'node:path';

const ALWAYS_REVALIDATE = /^(index\.html|sw\.js|service-worker\.js|registerSW\.js|manifest\.webmanifest|workbox-[\w-]+\.js)$/;

export async function registerStatic(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    setHeaders(reply, path) {
      const file = basename(path);
      if (ALWAYS_REVALIDATE.test(file)) reply.setHeader('cache-control', 'no-cache');
      else if (path.includes('/assets/')) reply.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else reply.setHeader('cache-control', 'public, max-age=3600');
    },
  });
}
