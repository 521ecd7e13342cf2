/**
 * Builds the built-in pictogram set: one standalone SVG per manifest entry in
 * `public/pictograms/<id>.svg` (gitignored). Run by `npm run pictograms`, which
 * `npm run build` and `npm run dev` run first. Fast (< 1 s) and idempotent:
 * files are rewritten only when their content changed, and stale SVGs of ids
 * no longer in the manifest are removed.
 *
 * Fails loudly (throws, exit code 1) if a manifest entry names an icon that
 * does not exist in the installed iconify set.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getIconData, iconToSVG, iconToHTML, replaceIDs, clearIDCache } from '@iconify/utils';
import type { IconifyJSON } from '@iconify/types';
import { PICTOGRAM_SET_OF_CATEGORY, pictogramCategory, type PictogramSet } from '../src/pictograms/catalog.ts';
import {
  PICTOGRAM_MANIFEST,
  type IconSetName,
  type PartSource,
  type PictogramSource,
} from '../src/pictograms/manifest.ts';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT_DIR = join(ROOT, 'public', 'pictograms');

/** Output coordinate system: every pictogram is a square 0 0 SIZE SIZE. */
const SIZE = 64;
/** Badge edge length as a share of the pictogram. */
const BADGE = 0.55;

const sets = new Map<IconSetName, IconifyJSON>();
function loadSet(name: IconSetName): IconifyJSON {
  let set = sets.get(name);
  if (!set) {
    set = JSON.parse(readFileSync(require.resolve(`@iconify-json/${name}/icons.json`), 'utf8')) as IconifyJSON;
    sets.set(name, set);
  }
  return set;
}

export class MissingIconError extends Error {
  constructor(
    readonly pictogramId: string,
    readonly set: string,
    readonly icon: string,
  ) {
    super(`pictogram "${pictogramId}": icon "${icon}" does not exist in @iconify-json/${set}`);
    this.name = 'MissingIconError';
  }
}

/** SVG body (no outer <svg>) of one part, scaled into a box at (x, y) of edge `size`. */
function partBody(id: string, part: PartSource, x: number, y: number, size: number): string {
  if ('disc' in part) {
    const r = size / 2;
    const stroke = part.disc.stroke;
    const sw = stroke ? size * 0.06 : 0;
    return `<circle cx="${fmt(x + r)}" cy="${fmt(y + r)}" r="${fmt(r * 0.875 - sw / 2)}" fill="${part.disc.fill}"${
      stroke ? ` stroke="${stroke}" stroke-width="${fmt(sw)}"` : ''
    }/>`;
  }
  const data = getIconData(loadSet(part.set), part.icon);
  if (!data) throw new MissingIconError(id, part.set, part.icon);
  const rendered = iconToSVG(data);
  const [vx, vy, vw, vh] = rendered.viewBox;
  const scale = size / Math.max(vw, vh);
  // centre non-square icons in the box
  const dx = x + (size - vw * scale) / 2 - vx * scale;
  const dy = y + (size - vh * scale) / 2 - vy * scale;
  // unique within this file (base and badge may both use ids like "a")
  const body = replaceIDs(rendered.body);
  return `<g transform="translate(${fmt(dx)} ${fmt(dy)}) scale(${fmt(scale)})">${body}</g>`;
}

function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** The complete standalone SVG document for one pictogram. */
export function renderPictogram(id: string, source: PictogramSource): string {
  clearIDCache(); // deterministic ids per file, so rebuilds are byte-identical
  let body: string;
  if ('composite' in source) {
    const { base, badge } = source.composite;
    const b = SIZE * BADGE;
    const at = SIZE - b;
    const halo = `<circle cx="${fmt(at + b / 2)}" cy="${fmt(at + b / 2)}" r="${fmt(b * 0.5)}" fill="#fff" fill-opacity=".92"/>`;
    body =
      `<g data-part="base">${partBody(id, base, 0, 0, SIZE)}</g>` +
      `<g data-part="badge">${halo}${partBody(id, badge, at + b * 0.08, at + b * 0.08, b * 0.84)}</g>`;
  } else {
    body = partBody(id, source, 0, 0, SIZE);
  }
  return iconToHTML(body, { viewBox: `0 0 ${SIZE} ${SIZE}` }).replace(
    /\s*\n\s*/g,
    '',
  );
}

/**
 * One set's stack (see PICTOGRAM_SET_OF_CATEGORY in catalog.ts): each pictogram's body as a nested
 * `<svg id="<pictogram id>">`, hidden unless it is the URL's `:target`, so `<set>.svg#<id>` shows that
 * pictogram exactly as `<id>.svg` does. Ids inside a body are prefixed with its pictogram's id,
 * since each file numbers its own from the same start.
 */
export function renderStack(items: readonly { id: string; svg: string }[]): string {
  const parts = items.map(({ id, svg }) => {
    let body = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
    for (const [, inner] of body.matchAll(/\sid="([^"]+)"/g)) {
      const to = `${id}--${inner}`;
      body = body.replaceAll(`id="${inner}"`, `id="${to}"`).replaceAll(`#${inner})`, `#${to})`).replaceAll(`"#${inner}"`, `"#${to}"`);
    }
    return `<svg id="${id}" viewBox="0 0 ${SIZE} ${SIZE}">${body}</svg>`;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 ${SIZE} ${SIZE}">` +
    `<style>svg>svg:not(:target){display:none}</style>${parts.join('')}</svg>`
  );
}

/** Write `content` to `path` unless it already holds exactly that; true when written. */
function writeIfChanged(path: string, content: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return false;
  writeFileSync(path, content);
  return true;
}

export interface BuildResult {
  count: number;
  bytes: number;
  written: number;
  outDir: string;
}

/** Write every manifest pictogram to `outDir` as `<id>.svg`. */
export function buildPictograms(outDir: string = DEFAULT_OUT_DIR): BuildResult {
  mkdirSync(outDir, { recursive: true });
  const wanted = new Set<string>();
  let bytes = 0;
  let written = 0;
  const missing: MissingIconError[] = [];
  const sets = new Map<PictogramSet, { id: string; svg: string }[]>();
  for (const entry of PICTOGRAM_MANIFEST) {
    let svg: string;
    try {
      svg = renderPictogram(entry.id, entry.source);
    } catch (err) {
      if (err instanceof MissingIconError) {
        missing.push(err);
        continue;
      }
      throw err;
    }
    const file = `${entry.id}.svg`;
    wanted.add(file);
    bytes += Buffer.byteLength(svg);
    if (writeIfChanged(join(outDir, file), svg)) written++;
    const category = pictogramCategory(entry.id);
    if (!category) throw new Error(`pictogram "${entry.id}" is in the manifest but in no category of catalog.ts`);
    const set = PICTOGRAM_SET_OF_CATEGORY[category];
    if (!sets.has(set)) sets.set(set, []);
    sets.get(set)!.push({ id: entry.id, svg });
  }
  if (missing.length) {
    throw new Error(`Missing pictogram source icons:\n  ${missing.map((e) => e.message).join('\n  ')}`);
  }
  for (const file of readdirSync(outDir)) {
    if (file.endsWith('.svg') && !wanted.has(file)) rmSync(join(outDir, file));
  }
  const setDir = join(outDir, 'set');
  mkdirSync(setDir, { recursive: true });
  for (const [set, items] of sets) {
    const stack = renderStack(items);
    bytes += Buffer.byteLength(stack);
    if (writeIfChanged(join(setDir, `${set}.svg`), stack)) written++;
  }
  for (const file of readdirSync(setDir)) {
    if (!sets.has(file.replace(/\.svg$/, '') as PictogramSet)) rmSync(join(setDir, file));
  }
  return { count: wanted.size, bytes, written, outDir };
}

/**
 * App icons: `icons/icon.svg` is the source; the PNGs next to it are rendered
 * from it with headless Chromium (`tsx scripts/build-pictograms.ts --icons`)
 * and committed, so normal builds need no browser.
 */
export const ICON_DIR = join(ROOT, 'icons');

interface IconVariant {
  file: string;
  size: number;
  /** full-bleed square background (maskable / apple-touch: no transparency) */
  bleed?: string;
  /** scale of the artwork about the centre */
  scale: number;
}

export const APP_ICON_VARIANTS: readonly IconVariant[] = [
  { file: 'icon-192.png', size: 192, scale: 1 },
  { file: 'icon-512.png', size: 512, scale: 1 },
  // maskable: everything important inside the central 80 % circle
  { file: 'icon-maskable-512.png', size: 512, bleed: '#1d4e89', scale: 0.78 },
  // iOS draws its own rounded corners and has no transparency
  { file: 'apple-touch-icon-180.png', size: 180, bleed: '#1d4e89', scale: 0.9 },
  { file: 'favicon-32.png', size: 32, scale: 1.08 },
];

export async function renderAppIcons(executablePath = '/usr/bin/chromium'): Promise<string[]> {
  const { chromium } = await import('playwright-core');
  const svg = readFileSync(join(ICON_DIR, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const written: string[] = [];
  try {
    for (const v of APP_ICON_VARIANTS) {
      const page = await browser.newPage({ viewport: { width: v.size, height: v.size }, deviceScaleFactor: 1 });
      const html =
        `<!doctype html><html><body style="margin:0;background:transparent">` +
        `<div id="icon" style="width:${v.size}px;height:${v.size}px;overflow:hidden;background:${v.bleed ?? 'transparent'}">` +
        `<div style="width:100%;height:100%;transform:scale(${v.scale})">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div>` +
        `</div></body></html>`;
      await page.setContent(html);
      await page.locator('#icon').screenshot({ path: join(ICON_DIR, v.file), omitBackground: !v.bleed });
      await page.close();
      written.push(v.file);
    }
  } finally {
    await browser.close();
  }
  return written;
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly && process.argv.includes('--icons')) {
  renderAppIcons().then(
    (files) => console.log(`app icons: ${files.join(', ')} → ${ICON_DIR}`),
    (err: unknown) => {
      console.error(`app icons: FAILED\n${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
} else if (invokedDirectly) {
  try {
    const t0 = performance.now();
    const outArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
    const r = buildPictograms(outArg ? resolve(outArg) : DEFAULT_OUT_DIR);
    console.log(
      `pictograms: ${r.count} SVGs, ${(r.bytes / 1024).toFixed(1)} KB total, ${r.written} written, ` +
        `${Math.round(performance.now() - t0)} ms → ${r.outDir}`,
    );
  } catch (err) {
    console.error(`pictograms: FAILED\n${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
