import { describe, expect, it } from 'vitest';
import { addModulePreloads, inlineStylesheets } from '../../scripts/inline-css';

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

  it('preloads the given chunks after the last module preload, once', () => {
    const html = addModulePreloads(PAGE, ['assets/sv-E.js', 'assets/ui-B.js']);
    expect(html.match(/href="\/assets\/ui-B.js"/g)).toHaveLength(1);
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/ui-B.js">\n    <link rel="modulepreload" crossorigin href="/assets/sv-E.js">');
    expect(html.indexOf('sv-E.js')).toBeLessThan(html.indexOf('rel="stylesheet"'));
  });
});
