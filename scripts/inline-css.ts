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

/** `html` with a `<link rel="modulepreload">` for each of `files` (under /assets/), after the last one the build wrote. */
export function addModulePreloads(html: string, files: string[]): string {
  const links = files.filter((f) => !html.includes(`href="/${f}"`)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`);
  if (links.length === 0) return html;
  const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)];
  const last = preloads.at(-1);
  const at = last ? last.index + last[0].length : html.indexOf('</head>');
  if (at < 0) return html;
  return `${html.slice(0, at)}\n    ${links.join('\n    ')}${html.slice(at)}`;
}

/**
 * `preload`: source modules (paths ending like `src/i18n/sv.ts`) whose lazy chunks every first visit
 * needs at once — the default language's catalogue — so they are fetched with the entry instead of
 * after it has run.
 */
export function firstVisitHtml(preload: string[] = []): Plugin {
  return {
    name: 'tavla-first-visit-html',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (!page || page.type !== 'asset') return;
        const { html } = inlineStylesheets(String(page.source), (fileName) => {
          const sheet = bundle[fileName];
          return sheet?.type === 'asset' ? String(sheet.source) : undefined;
        });
        const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
        const files = preload.map((suffix) => {
          const chunk = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(suffix));
          if (!chunk) this.error(`no chunk for ${suffix} to preload`);
          return chunk.fileName;
        });
        page.source = addModulePreloads(html, files);
      },
    },
  };
}
