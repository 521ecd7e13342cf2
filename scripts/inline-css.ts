/**
 * Inlines the entry's stylesheets into `index.html`, so nothing blocks the
 * first paint but the page itself: on a slow network each render-blocking
 * `<link rel="stylesheet">` in the head costs a round trip before the splash
 * (or the board's snapshot, public/paint-snapshot.js) can paint. The CSP
 * allows inline styles (`style-src 'unsafe-inline'`, src/server/plugins/security.ts).
 *
 * Each sheet becomes a `<style>` in the link's place (the cascade order is
 * unchanged), followed by the same link marked `disabled`: a disabled
 * stylesheet link is neither fetched nor applied, but it tells Vite's
 * preload helper — which a lazy screen's import asks to load the CSS of the
 * shared chunks it depends on, e.g. the UI kit's — that the sheet is already
 * in the page, so it is never appended a second time (later in the head, where
 * it would override the sheets after it).
 */
import type { Plugin } from 'vite';

const STYLESHEET_LINK = /<link\b[^>]*\brel="stylesheet"[^>]*>/g;

/** `html` with every same-origin `/assets/*.css` stylesheet link inlined; `css(fileName)` gives a sheet's text or undefined. */
export function inlineStylesheets(html: string, css: (fileName: string) => string | undefined): { html: string; inlined: string[] } {
  const inlined: string[] = [];
  const out = html.replace(STYLESHEET_LINK, (link) => {
    const href = /\bhref="\/(assets\/[^"]+\.css)"/.exec(link)?.[1];
    if (!href || /\b(disabled|media)\b/.test(link)) return link;
    const text = css(href);
    if (text === undefined) return link;
    inlined.push(href);
    // `</style` cannot occur in valid CSS outside a string; escape it anyway so a sheet can never end the element early
    const safe = text.replace(/<\/style/gi, '\\3c /style');
    return `<style data-href="/${href}">${safe.trim()}</style>${link.replace(/\s*\/?>$/, ' disabled>')}`;
  });
  return { html: out, inlined };
}

/** A chunk as far as the first-visit plugin reads it (Rollup's OutputChunk). */
interface ChunkInfo {
  fileName: string;
  imports: string[];
  facadeModuleId?: string | null;
  viteMetadata?: { importedCss: Set<string> };
}

/** `chunk` and every chunk it imports statically, each after the ones it imports (the order they run and their CSS applies). */
export function staticClosure(chunk: ChunkInfo, byFile: (fileName: string) => ChunkInfo | undefined): ChunkInfo[] {
  const out: ChunkInfo[] = [];
  const seen = new Set<string>();
  const visit = (c: ChunkInfo) => {
    if (seen.has(c.fileName)) return;
    seen.add(c.fileName);
    for (const f of c.imports) {
      const dep = byFile(f);
      if (dep) visit(dep);
    }
    out.push(c);
  };
  visit(chunk);
  return out;
}

/**
 * The stylesheets of `closure` (each chunk's after those of the chunks it imports) in two parts: `first`, and
 * `last` — a sheet more than one of its chunks imports (a stylesheet shared by several modules, e.g. the wall
 * tablet's sizes, which Vite gives each importer after its own sheet), which comes after every other, as when
 * all of them were in one chunk.
 */
export function closureStylesheets(closure: ChunkInfo[]): { first: string[]; last: string[] } {
  const count = new Map<string, number>();
  for (const c of closure) for (const f of c.viteMetadata?.importedCss ?? []) count.set(f, (count.get(f) ?? 0) + 1);
  const all = [...count.keys()];
  return { first: all.filter((f) => count.get(f) === 1), last: all.filter((f) => count.get(f)! > 1) };
}

/** `html` with a stylesheet link for each of `before` before its first stylesheet link and for each of `after` after its last one (else at `</head>`). */
export function addStylesheets(html: string, before: string[], after: string[] = []): string {
  const links = (files: string[]) => files.filter((f) => !html.includes(`href="/${f}"`)).map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`);
  const existing = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)];
  const head = html.indexOf('</head>');
  const start = existing[0]?.index ?? head;
  const end = existing.length ? existing.at(-1)!.index + existing.at(-1)![0].length : head;
  const pre = links(before);
  const post = links(after);
  return `${html.slice(0, start)}${pre.map((l) => `${l}\n    `).join('')}${html.slice(start, end)}${post.map((l) => `\n    ${l}`).join('')}${html.slice(end)}`;
}

export const APP_MODULES_ID = 'tavla-app-modules';

/** The data block paint-snapshot.js reads to fetch the whole app early on a device that has one (JSON, `<` escaped). */
export function appModulesBlock(files: string[]): string {
  return `<script type="application/json" id="${APP_MODULES_ID}">${JSON.stringify(files.map((f) => `/${f}`)).replace(/</g, '\\u003c')}</script>`;
}

/**
 * `app`: the source module (suffix, e.g. `src/shell/start.tsx`) of the whole app, which the entry loads lazily
 * (a first visit does not need it to show the welcome: src/setup/firstVisit.ts). Its stylesheets, and those of
 * every chunk it imports, are inlined too, before the entry's own (the cascade as when the app was the entry):
 * the board's picture (public/paint-snapshot.js) has its look before any script. Its modules, and `preload` —
 * source modules (paths ending like `src/i18n/sv.ts`) whose lazy chunks the app needs at once, the default
 * language's catalogue — are listed in a data block: paint-snapshot.js preloads them on a device that has a
 * workplace (or may have one), never on a first visit.
 */
export function firstVisitHtml(app: string, preload: string[] = []): Plugin {
  return {
    name: 'tavla-first-visit-html',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (!page || page.type !== 'asset') return;
        const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
        const find = (suffix: string) => {
          const chunk = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(suffix));
          if (!chunk) this.error(`no chunk for ${suffix}`);
          return chunk;
        };
        const byFile = (fileName: string) => chunks.find((c) => c.fileName === fileName) as ChunkInfo | undefined;
        const closure = staticClosure(find(app) as ChunkInfo, byFile);
        const sheets = closureStylesheets(closure);
        const { html } = inlineStylesheets(addStylesheets(String(page.source), sheets.first, sheets.last), (fileName) => {
          const sheet = bundle[fileName];
          return sheet?.type === 'asset' ? String(sheet.source) : undefined;
        });
        const entry = chunks.find((c) => c.isEntry)?.fileName;
        const modules = [...closure.map((c) => c.fileName).filter((f) => f !== entry), ...preload.map((suffix) => find(suffix).fileName)];
        const at = html.indexOf('<script src="/paint-snapshot.js">');
        if (at < 0) this.error('index.html has no paint-snapshot.js to read the app modules');
        page.source = `${html.slice(0, at)}${appModulesBlock(modules)}\n    ${html.slice(at)}`;
      },
    },
  };
}
