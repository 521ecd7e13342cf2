import { describe, expect, it } from 'vitest';
import { isBuiltinPictogram, pictogramCategory } from '../pictograms/catalog';
import sv from '../i18n/sv';
import en from '../i18n/en';
import { createRepositories } from '../data/index';
import { TavlaDb } from '../data/db';
import { applyTemplate, fitWeekdays, TEMPLATES, templateGoalKey } from './templates';
import { ACTIVITY_TYPES, DEVIATION_CATEGORIES } from '../domain/types';
import { validateGoalInput } from '../domain/goals';

const freshRepos = () => createRepositories(new TavlaDb(`test-${crypto.randomUUID()}`));

describe('activity templates', () => {
  it.each(ACTIVITY_TYPES)('%s has 3–5 areas of 4–8 tasks, all built-in pictograms', (type) => {
    const tpl = TEMPLATES[type];
    expect(tpl.areas.length).toBeGreaterThanOrEqual(3);
    expect(tpl.areas.length).toBeLessThanOrEqual(5);
    for (const area of tpl.areas) {
      expect(isBuiltinPictogram(area.pictogramId), area.pictogramId).toBe(true);
      expect(area.tasks.length).toBeGreaterThanOrEqual(4);
      expect(area.tasks.length).toBeLessThanOrEqual(8);
      for (const task of area.tasks) {
        expect(isBuiltinPictogram(task.pictogramId), task.pictogramId).toBe(true);
        expect(['task', 'tool'], task.pictogramId).toContain(pictogramCategory(task.pictogramId));
        expect(task.weekdays.length).toBeGreaterThan(0);
        for (const d of task.weekdays) expect(d >= 1 && d <= 7).toBe(true);
      }
    }
  });

  it.each(ACTIVITY_TYPES)('%s orders all seven deviation categories once each', (type) => {
    const cats = TEMPLATES[type].deviationCategories;
    expect([...cats].sort()).toEqual([...DEVIATION_CATEGORIES].sort());
  });

  it.each(ACTIVITY_TYPES)('%s has 3–4 valid goals with texts in every catalogue', (type) => {
    const goals = TEMPLATES[type].goals;
    expect(goals.length).toBeGreaterThanOrEqual(3);
    expect(goals.length).toBeLessThanOrEqual(4);
    for (const g of goals) {
      expect(isBuiltinPictogram(g.pictogramId), g.pictogramId).toBe(true);
      const key = templateGoalKey(g.key);
      expect(sv[key as keyof typeof sv]).toBeTruthy();
      expect(en[key]).toBeTruthy();
      expect(validateGoalInput({ text: sv[key as keyof typeof sv], target: g.target })).toEqual([]);
    }
  });

  it('puts missing material and quality first for a laundry', () => {
    expect(TEMPLATES.laundry.deviationCategories.slice(0, 2)).toEqual(['missingMaterial', 'quality']);
  });

  it('fits weekdays to the open days', () => {
    expect(fitWeekdays([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fitWeekdays([1, 3, 5], [2, 3, 4])).toEqual([3]);
    expect(fitWeekdays([1], [2, 4])).toEqual([2]);
  });

  it('applies a template through the repositories, goal texts in the chosen language', async () => {
    const repos = freshRepos();
    const wp = await repos.workplaces.create({ name: 'Tvätten', activityType: 'laundry', openingTime: '08:00', pin: '1234', openDays: [1, 2, 3, 4] });
    const applied = await applyTemplate(repos, wp.id, 'laundry', 'en');
    const areas = await repos.work.areas(wp.id);
    const recurring = await repos.work.recurring(wp.id);
    const goals = await repos.goals.list(wp.id);
    expect(areas.map((a) => a.pictogramId)).toEqual(TEMPLATES.laundry.areas.map((a) => a.pictogramId));
    expect(recurring).toHaveLength(TEMPLATES.laundry.areas.reduce((n, a) => n + a.tasks.length, 0));
    expect(applied.recurringIds).toHaveLength(recurring.length);
    for (const r of recurring) for (const d of r.weekdays) expect([1, 2, 3, 4]).toContain(d);
    expect(goals.map((g) => g.text)).toContain('Bags of laundry folded');
    expect((await repos.workplaces.get(wp.id))!.deviationCategories).toEqual(TEMPLATES.laundry.deviationCategories);
    // every write went through the outbox
    expect(await repos.db.outbox.where('workplaceId').equals(wp.id).count()).toBeGreaterThan(recurring.length);
  });
});
