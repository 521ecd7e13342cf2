/**
 * `npm run build:server`: compiles the server (src/server and the few shared
 * modules it imports) to plain JavaScript in build/server/, so production
 * runs it with node alone after `npm ci --omit=dev`. npm packages stay
 * external (installed as dependencies); our own code is bundled.
 *
 * Everything lands in one folder, beside build/migrations/: the code finds
 * its SQL migrations (`../migrations/`) and the built app (`../../dist/`)
 * relative to its own file, the same relative paths as from src/server/db
 * and src/server. The build also fails if the server bundle would need a
 * package that is only a dev dependency.
 */
import { build } from 'esbuild';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'build');
rmSync(out, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/server/main.ts', 'src/server/admin.ts'],
  outdir: 'build/server',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: '[name]-[hash]',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
cpSync(join(root, 'src/server/migrations'), join(out, 'migrations'), { recursive: true });

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const runtime = new Set(Object.keys(pkg.dependencies));
const needed = new Set<string>();
for (const output of Object.values(result.metafile.outputs)) {
  for (const imp of output.imports) {
    if (!imp.external || imp.path.startsWith('node:')) continue;
    const name = imp.path.startsWith('@') ? imp.path.split('/').slice(0, 2).join('/') : imp.path.split('/')[0]!;
    needed.add(name);
  }
}
const missing = [...needed].filter((n) => !runtime.has(n));
if (missing.length > 0) {
  console.error(`The server needs ${missing.join(', ')} at run time: move them to "dependencies" in package.json`);
  process.exit(1);
}
console.log(`server built into build/server (uses ${[...needed].sort().join(', ')})`);
