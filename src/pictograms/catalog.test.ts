import { describe, expect, it } from 'vitest';
import sv from '../i18n/pictograms.sv';
import en from '../i18n/pictograms.en';
import {
  ACTIVITY_PICTOGRAM,
  ATTENDANCE_PICTOGRAM,
  AVATAR_PICTOGRAMS,
  CATEGORY_PICTOGRAM,
  DEVIATION_PICTOGRAM,
  DEVIATION_STATUS_PICTOGRAM,
  PDCA_PICTOGRAM,
  PICTOGRAM_CATEGORIES,
  PICTOGRAM_IDS,
  SECTION_PICTOGRAM,
  STATUS_PICTOGRAM,
  UI_PICTOGRAM,
  WEEKDAY_PICTOGRAM,
  isBuiltinPictogram,
  pictogramCategory,
  pictogramUrl,
  pictogramFileUrl,
  PICTOGRAM_SET_OF_CATEGORY,
  pictogramsByCategory,
} from './catalog';
import { PICTOGRAM_MANIFEST, PICTOGRAM_SOURCES } from './manifest';
import { PICTOGRAM_CREDITS } from './credits';

describe('pictogram catalogue', () => {
  it('has at least 150 unique kebab-case ids', () => {
    expect(PICTOGRAM_IDS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(PICTOGRAM_IDS).size).toBe(PICTOGRAM_IDS.length);
    for (const id of PICTOGRAM_IDS) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('manifest and catalogue agree, every id has a source', () => {
    expect(PICTOGRAM_MANIFEST.map((e) => e.id)).toEqual([...PICTOGRAM_IDS]);
    expect(Object.keys(PICTOGRAM_SOURCES).sort()).toEqual([...PICTOGRAM_IDS].sort());
    for (const e of PICTOGRAM_MANIFEST) expect(pictogramCategory(e.id)).toBe(e.category);
  });

  it('every id has a short non-empty Swedish and English label, and no label is orphaned', () => {
    for (const [lang, labels] of [
      ['sv', sv],
      ['en', en],
    ] as const) {
      const table = labels as Record<string, string>;
      expect(Object.keys(table).sort(), lang).toEqual([...PICTOGRAM_IDS].sort());
      for (const id of PICTOGRAM_IDS) {
        const label = table[id] ?? '';
        expect(label.trim().length, `${lang}:${id}`).toBeGreaterThan(0);
        expect(label.split(/\s+/).length, `${lang}:${id} "${label}"`).toBeLessThanOrEqual(4);
        expect(label[0], `${lang}:${id} sentence case`).toBe(label[0]!.toLocaleUpperCase(lang));
      }
    }
    expect(sv['washing-machine']).toBe('Tvättmaskin');
    expect(sv['missing-material']).toBe('Material saknas');
    expect(sv['broken-tool']).toBe('Trasigt verktyg');
    expect(sv['first-aid']).toBe('Första hjälpen');
  });

  it('every category is non-empty', () => {
    for (const c of PICTOGRAM_CATEGORIES) expect(pictogramsByCategory(c).length, c).toBeGreaterThan(0);
    expect(pictogramsByCategory('weekday')).toHaveLength(7);
  });

  it('the stable mappings point at built-in pictograms of the right category', () => {
    const check = (map: Record<string | number, string>, category?: string) => {
      for (const [key, id] of Object.entries(map)) {
        expect(isBuiltinPictogram(id), `${key} → ${id}`).toBe(true);
        if (category) expect(pictogramCategory(id), `${key} → ${id}`).toBe(category);
      }
    };
    check(DEVIATION_PICTOGRAM, 'deviation');
    expect(Object.keys(DEVIATION_PICTOGRAM).sort()).toEqual(
      ['brokenTool', 'customer', 'missingMaterial', 'other', 'quality', 'safety', 'time'],
    );
    check(ATTENDANCE_PICTOGRAM, 'attendance');
    expect(Object.keys(ATTENDANCE_PICTOGRAM)).toHaveLength(6);
    check(WEEKDAY_PICTOGRAM, 'weekday');
    expect(Object.keys(WEEKDAY_PICTOGRAM)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(new Set(Object.values(WEEKDAY_PICTOGRAM)).size).toBe(7);
    check(ACTIVITY_PICTOGRAM, 'work-area');
    expect(Object.keys(ACTIVITY_PICTOGRAM)).toHaveLength(8);
    check(SECTION_PICTOGRAM);
    check(UI_PICTOGRAM);
    check(STATUS_PICTOGRAM, 'status');
    check(PDCA_PICTOGRAM);
    check(DEVIATION_STATUS_PICTOGRAM, 'status');
    check(CATEGORY_PICTOGRAM);
    // distinct pictograms where people must tell them apart
    for (const map of [DEVIATION_PICTOGRAM, ATTENDANCE_PICTOGRAM, STATUS_PICTOGRAM, PDCA_PICTOGRAM, DEVIATION_STATUS_PICTOGRAM]) {
      const ids = Object.values(map);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids.map((id) => JSON.stringify(PICTOGRAM_SOURCES[id]))).size).toBe(ids.length);
    }
  });

  it('broken tool and missing material are composites as designed', () => {
    expect(PICTOGRAM_SOURCES['broken-tool']).toEqual({
      composite: { base: { set: 'fluent-emoji-flat', icon: 'wrench' }, badge: { set: 'fluent-emoji-flat', icon: 'cross-mark' } },
    });
    expect(PICTOGRAM_SOURCES['missing-material']).toMatchObject({
      composite: { base: { icon: 'package' }, badge: { icon: 'red-question-mark' } },
    });
  });

  it('offers at least 24 distinct avatars', () => {
    expect(AVATAR_PICTOGRAMS.length).toBeGreaterThanOrEqual(24);
    expect(new Set(AVATAR_PICTOGRAMS).size).toBe(AVATAR_PICTOGRAMS.length);
    for (const id of AVATAR_PICTOGRAMS) expect(pictogramCategory(id)).toBe('person');
  });

  it('builds URLs and falls back for unknown ids', () => {
    expect(pictogramUrl('bucket')).toBe('/pictograms/set/work.svg#bucket');
    expect(pictogramUrl('present')).toBe('/pictograms/set/board.svg#present');
    expect(pictogramUrl('avatar-cat')).toBe('/pictograms/set/people.svg#avatar-cat');
    expect(pictogramUrl('no-such-thing')).toBe(`/pictograms/set/${PICTOGRAM_SET_OF_CATEGORY[pictogramCategory('question')!]}.svg#question`);
    expect(pictogramFileUrl('bucket')).toBe('/pictograms/bucket.svg');
    expect(pictogramFileUrl('no-such-thing')).toBe('/pictograms/question.svg');
    expect(isBuiltinPictogram('custom:abc')).toBe(false);
  });

  it('credits every set used, with licence and the ids drawn from it', () => {
    const fluent = PICTOGRAM_CREDITS.find((c) => c.set === 'fluent-emoji-flat');
    const openmoji = PICTOGRAM_CREDITS.find((c) => c.set === 'openmoji');
    expect(fluent?.licence).toBe('MIT');
    expect(openmoji?.licence).toBe('CC BY-SA 4.0');
    expect(openmoji?.attribution).toContain('All emojis designed by OpenMoji');
    expect(fluent?.ids).toContain('broken-tool');
    expect(openmoji?.ids).toContain('washing-machine');
    const credited = new Set(PICTOGRAM_CREDITS.flatMap((c) => c.ids));
    const ownDiscsOnly = ['status-grey'];
    for (const id of PICTOGRAM_IDS) if (!ownDiscsOnly.includes(id)) expect(credited.has(id), id).toBe(true);
  });
});
