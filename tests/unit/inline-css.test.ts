import { describe, expect, it } from 'vitest';
import { addStylesheets, appModulesBlock, closureStylesheets, inlineStylesheets, staticClosure } from '../../scripts/inline-css';

const PAGE = `<head>
    <script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/ui-B.js">
    <link rel="stylesheet" crossorigin href="/assets/ui-C.css">
    <link rel="stylesheet" crossorigin href="/assets/index-D.css">
  <link rel="manifest" href="/manifest.webmanifest"></head>`;

describe('the first-visit HTML', () => {
  it('puts each entry stylesheet in the page in its own place, its link kept but disabled (not fetched, seen by the preload helper)', () => {
    const sheets: Record<string, string> = { 'assets/ui-C.css': '.a{color:red}\n', 'assets/index-D.css': '.a{color:blue}' };
    const { html, inlined } = inlineStylesheets(PAGE, (f) => sheets[f]);
    expect(inlined).toEqual(['assets/ui-C.css', 'assets/index-D.css']);
    expect(html).not.toMatch(/rel="stylesheet"(?![^>]*disabled)[^>]*>/);
    const ui = html.indexOf('<style data-href="/assets/ui-C.css">.a{color:red}</style><link rel="stylesheet" crossorigin href="/assets/ui-C.css" disabled>');
    const index = html.indexOf('<style data-href="/assets/index-D.css">.a{color:blue}</style><link rel="stylesheet" crossorigin href="/assets/index-D.css" disabled>');
    expect(ui).toBeGreaterThan(0);
    expect(index).toBeGreaterThan(ui); // the cascade keeps its order
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">');
  });

  it('leaves a sheet it cannot read, another origin, or a media-bound sheet as a link', () => {
    const page = '<link rel="stylesheet" href="/assets/x.css"><link rel="stylesheet" href="https://cdn.example/y.css"><link rel="stylesheet" media="print" href="/assets/p.css">';
    const { html, inlined } = inlineStylesheets(page, (f) => (f === 'assets/p.css' ? 'p{}' : undefined));
    expect(inlined).toEqual([]);
    expect(html).toBe(page);
  });

  it('never lets a sheet close its style element early', () => {
    const { html } = inlineStylesheets('<link rel="stylesheet" href="/assets/a.css">', () => 'a::after{content:"</style><script>"}');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('takes in the whole app: each chunk after those it imports, once; a sheet several of them import after all others', () => {
    const chunk = (fileName: string, imports: string[], css: string[]) => ({ fileName, imports, viteMetadata: { importedCss: new Set(css) } });
    const all = [
      chunk('start.js', ['ui.js', 'board.js', 'index.js'], ['start.css']),
      chunk('ui.js', [], ['ui.css']),
      chunk('board.js', ['ui.js', 'header.js'], ['board.css']),
      chunk('header.js', ['ui.js'], ['header.css', 'wall.css']),
      chunk('faces.js', [], ['wall.css']),
    ];
    all[2]!.imports.push('faces.js');
    const byFile = (f: string) => all.find((c) => c.fileName === f);
    const closure = staticClosure(all[0]!, byFile);
    expect(closure.map((c) => c.fileName)).toEqual(['ui.js', 'header.js', 'faces.js', 'board.js', 'start.js']); // index.js: not a chunk here
    expect(closureStylesheets(closure)).toEqual({ first: ['ui.css', 'header.css', 'board.css', 'start.css'], last: ['wall.css'] });
  });

  it('puts the app’s sheets before the entry’s and the shared ones after, each once', () => {
    const html = addStylesheets(PAGE, ['assets/app-E.css', 'assets/ui-C.css'], ['assets/wall-F.css']);
    const order = [...html.matchAll(/href="\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]);
    expect(order).toEqual(['assets/app-E.css', 'assets/ui-C.css', 'assets/index-D.css', 'assets/wall-F.css']);
  });

  it('lists the app’s modules in a data block that cannot close early', () => {
    const block = appModulesBlock(['assets/a.js', 'assets/</script>.js']);
    expect(block.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(block.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, ''))).toEqual(['/assets/a.js', '/assets/</script>.js']);
  });
});
