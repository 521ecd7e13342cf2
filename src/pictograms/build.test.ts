import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPictograms, renderPictogram } from '../../scripts/build-pictograms';
import { PICTOGRAM_IDS, PICTOGRAM_SET_OF_CATEGORY, pictogramUrl } from './catalog';
import { PICTOGRAM_MANIFEST } from './manifest';

const dir = mkdtempSync(join(tmpdir(), 'tavla-pictograms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('build-pictograms', () => {
  it('writes a valid standalone SVG with a viewBox for every id, idempotently', () => {
    writeFileSync(join(dir, 'stale-old-id.svg'), '<svg/>');
    const first = buildPictograms(dir);
    expect(first.count).toBe(PICTOGRAM_IDS.length);
    const files = readdirSync(dir).filter((f) => f.endsWith('.svg')); // the sets' stacks are in set/
    expect(files.sort()).toEqual(PICTOGRAM_IDS.map((id) => `${id}.svg`).sort());

    const parser = new DOMParser();
    for (const id of PICTOGRAM_IDS) {
      const text = readFileSync(join(dir, `${id}.svg`), 'utf8');
      const doc = parser.parseFromString(text, 'image/svg+xml');
      expect(doc.getElementsByTagName('parsererror'), id).toHaveLength(0);
      const svg = doc.documentElement;
      expect(svg.tagName, id).toBe('svg');
      expect(svg.getAttribute('xmlns'), id).toBe('http://www.w3.org/2000/svg');
      expect(svg.getAttribute('viewBox'), id).toMatch(/^0 0 \d+ \d+$/);
      const w = svg.getAttribute('width');
      expect(w === null || w === '100%', id).toBe(true);
      expect(svg.querySelectorAll('path, circle, rect, ellipse, polygon').length, id).toBeGreaterThan(0);
      // ids inside one file are unique
      const ids = [...svg.querySelectorAll('[id]')].map((el) => el.id);
      expect(new Set(ids).size, id).toBe(ids.length);
    }

    const second = buildPictograms(dir);
    expect(second.written).toBe(0);
    expect(second.bytes).toBe(first.bytes);
  });

  it('writes each set as a stack holding its pictograms once each, with the bodies of their own files', () => {
    const parser = new DOMParser();
    const stacks = readdirSync(join(dir, 'set'));
    expect(stacks.sort()).toEqual([...new Set(Object.values(PICTOGRAM_SET_OF_CATEGORY))].map((s) => `${s}.svg`).sort());
    const seen: string[] = [];
    for (const file of stacks) {
      const set = file.replace('.svg', '');
      const doc = parser.parseFromString(readFileSync(join(dir, 'set', file), 'utf8'), 'image/svg+xml');
      expect(doc.getElementsByTagName('parsererror'), file).toHaveLength(0);
      const root = doc.documentElement;
      expect(root.querySelector(':scope > style')?.textContent, file).toBe('svg>svg:not(:target){display:none}');
      // ids unique in the whole stack (bodies' own ids are prefixed by their pictogram's)
      const allIds = [...root.querySelectorAll('[id]')].map((el) => el.id);
      expect(new Set(allIds).size, file).toBe(allIds.length);
      for (const picto of root.querySelectorAll(':scope > svg')) {
        const id = picto.id;
        seen.push(id);
        expect(pictogramUrl(id), id).toBe(`/pictograms/set/${set}.svg#${id}`);
        expect(picto.getAttribute('viewBox'), id).toBe('0 0 64 64');
        // the same drawing as the pictogram's own file, ids aside
        const own = parser.parseFromString(readFileSync(join(dir, `${id}.svg`), 'utf8'), 'image/svg+xml').documentElement;
        expect(picto.innerHTML.replaceAll(`${id}--`, ''), id).toBe(own.innerHTML);
      }
    }
    expect(seen.sort()).toEqual([...PICTOGRAM_IDS].sort());
  });

  it('composites contain both the base and the badge', () => {
    const composites = PICTOGRAM_MANIFEST.filter((e) => 'composite' in e.source);
    expect(composites.length).toBeGreaterThan(5);
    for (const e of composites) {
      const text = readFileSync(join(dir, `${e.id}.svg`), 'utf8');
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const base = doc.querySelector('[data-part="base"]');
      const badge = doc.querySelector('[data-part="badge"]');
      expect(base?.querySelector('path, circle'), e.id).toBeTruthy();
      expect(badge?.querySelector('path'), e.id).toBeTruthy();
    }
    const broken = readFileSync(join(dir, 'broken-tool.svg'), 'utf8');
    expect(broken).toContain('data-part="badge"');
  });

  it('fails loudly on an icon name that does not exist', () => {
    expect(() => renderPictogram('x', { set: 'fluent-emoji-flat', icon: 'no-such-icon-here' })).toThrow(
      /no-such-icon-here.*fluent-emoji-flat/,
    );
    expect(() =>
      renderPictogram('y', {
        composite: { base: { set: 'openmoji', icon: 'wrench' }, badge: { set: 'openmoji', icon: 'nope-nope' } },
      }),
    ).toThrow(/nope-nope/);
  });
});
