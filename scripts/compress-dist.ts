/**
 * Precompresses the built app (`dist/`) once, at build time: every text
 * asset gets a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) twin,
 * which the server sends as they are (`@fastify/static` `preCompressed`)
 * with `Content-Encoding` and `Vary: Accept-Encoding`. A slow network then
 * carries about a third of the bytes, and the server spends no CPU on
 * compressing per request.
 *
 * Runs after `vite build` (so the service worker, written last by the PWA
 * plugin, is included); `npm run build` and `npm run bench` call it. A twin
 * is only written when it is actually smaller; the server falls back to the
 * plain file otherwise.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
// text formats worth compressing (images and fonts are compressed already); the server sets Vary on the same set
import { COMPRESSIBLE } from '../src/server/plugins/static';


/** Below this size the headers cost more than compression saves. */
const MIN_BYTES = 256;

export interface CompressStats {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

export function compressDir(dir: string): CompressStats {
  const stats: CompressStats = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  for (const path of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(path))) {
      continue;
    }
    const plain = readFileSync(path);
    // stale twins from an earlier build of the same file name go first
    for (const twin of [`${path}.br`, `${path}.gz`]) {
      try {
        unlinkSync(twin);
      } catch {
        /* none */
      }
    }
    if (statSync(path).size < MIN_BYTES) continue;
    const br = brotliCompressSync(plain, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(plain, { level: 9 });
    stats.files++;
    stats.bytes += plain.length;
    if (br.length < plain.length) {
      writeFileSync(`${path}.br`, br);
      stats.brotliBytes += br.length;
    } else stats.brotliBytes += plain.length;
    if (gz.length < plain.length) {
      writeFileSync(`${path}.gz`, gz);
      stats.gzipBytes += gz.length;
    } else stats.gzipBytes += plain.length;
  }
  return stats;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = process.argv[2] ?? join(import.meta.dirname, '..', 'dist');
  const s = compressDir(dir);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`precompressed ${s.files} files in ${dir}: ${kb(s.bytes)} → brotli ${kb(s.brotliBytes)}, gzip ${kb(s.gzipBytes)}`);
}
