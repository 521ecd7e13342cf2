/**
 * Starting templates, one per activity type: the work areas, recurring tasks,
 * deviation categories (most relevant first) and goals a new board begins
 * with, so a supervisor edits a working board instead of facing an empty one.
 *
 * Areas and tasks carry only a pictogram and no text: the board shows the
 * pictogram's label in whatever language is on screen. Goals need words
 * ("bags folded"), so their text is taken from the catalogue (`template.goal.*`)
 * in the language in use when the board is created; after that it is the
 * supervisor's free text like any other goal.
 *
 * Task weekdays are written for a Monday–Friday workplace and fitted to the
 * workplace's open days when applied (see `fitWeekdays`).
 */
import type { MessageKey } from '../i18n';
import { loadLanguage, makeTranslator } from '../i18n';
import type { ActivityType, DeviationCategory, GoalPeriod, GoalTarget } from '../domain/types';
import type { Repositories } from '../data/index';
import { inWriteTx } from '../data/writer';

export type TemplateGoalKey =
  | 'safeDay'
  | 'tidyEnd'
  | 'roomsCleaned'
  | 'binsEmptied'
  | 'bagsFolded'
  | 'machinesRun'
  | 'piecesMade'
  | 'repairsDone'
  | 'itemsSewn'
  | 'itemsMended'
  | 'boxesPacked'
  | 'movesDone'
  | 'guestsServed'
  | 'dishesDone'
  | 'itemsPriced'
  | 'bagsSorted'
  | 'litterBags'
  | 'lawnsMown';

export interface TemplateGoal {
  key: TemplateGoalKey;
  pictogramId: string;
  period: GoalPeriod;
  target: GoalTarget;
}

export interface TemplateTask {
  pictogramId: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday */
  weekdays: number[];
}

export interface TemplateArea {
  pictogramId: string;
  tasks: TemplateTask[];
}

export interface ActivityTemplate {
  areas: TemplateArea[];
  deviationCategories: DeviationCategory[];
  goals: TemplateGoal[];
}

const DAILY = [1, 2, 3, 4, 5];
const MON_WED_FRI = [1, 3, 5];
const TUE_THU = [2, 4];
const MON = [1];
const WED = [3];
const FRI = [5];

const task = (pictogramId: string, weekdays: number[] = DAILY): TemplateTask => ({ pictogramId, weekdays });
const count = (key: TemplateGoalKey, pictogramId: string, target: number, period: GoalPeriod = 'day'): TemplateGoal => ({
  key,
  pictogramId,
  period,
  target: { kind: 'count', target },
});
const yesno = (key: TemplateGoalKey, pictogramId: string, period: GoalPeriod = 'day'): TemplateGoal => ({
  key,
  pictogramId,
  period,
  target: { kind: 'yesno' },
});
const SAFE_DAY = yesno('safeDay', 'safety');
const TIDY_END = yesno('tidyEnd', 'broom');

export const TEMPLATES: Record<ActivityType, ActivityTemplate> = {
  cleaning: {
    areas: [
      { pictogramId: 'office', tasks: [task('empty-bins'), task('wipe-surfaces'), task('mop-floor', MON_WED_FRI), task('clean-windows', FRI), task('recycle', TUE_THU)] },
      { pictogramId: 'restroom', tasks: [task('clean-toilet'), task('wipe-surfaces'), task('mop-floor'), task('toilet-paper'), task('soap')] },
      { pictogramId: 'kitchen', tasks: [task('wash-dishes'), task('wipe-surfaces'), task('empty-bins'), task('mop-floor', TUE_THU)] },
      { pictogramId: 'stairs', tasks: [task('broom'), task('mop-floor', MON_WED_FRI), task('clean-windows', WED), task('pick-litter')] },
    ],
    deviationCategories: ['safety', 'missingMaterial', 'brokenTool', 'quality', 'customer', 'time', 'other'],
    goals: [count('roomsCleaned', 'mop-floor', 12), count('binsEmptied', 'empty-bins', 20), SAFE_DAY, TIDY_END],
  },
  laundry: {
    areas: [
      { pictogramId: 'reception', tasks: [task('sort-laundry'), task('serve-customers'), task('laundry-basket'), task('price-items', TUE_THU)] },
      { pictogramId: 'laundry', tasks: [task('wash-clothes'), task('detergent'), task('washing-machine'), task('sort-laundry'), task('wipe-surfaces', FRI)] },
      { pictogramId: 'workshop', tasks: [task('fold-laundry'), task('change-bed-linen', MON_WED_FRI), task('pack-boxes'), task('t-shirt'), task('sew', TUE_THU)] },
      { pictogramId: 'warehouse', tasks: [task('package'), task('load-truck'), task('detergent', MON), task('recycle', FRI)] },
    ],
    deviationCategories: ['missingMaterial', 'quality', 'brokenTool', 'safety', 'customer', 'time', 'other'],
    goals: [count('bagsFolded', 'fold-laundry', 20), count('machinesRun', 'washing-machine', 12), SAFE_DAY, TIDY_END],
  },
  carpentry: {
    areas: [
      { pictogramId: 'workshop', tasks: [task('measure'), task('saw'), task('assemble'), task('repair'), task('broom')] },
      { pictogramId: 'carpentry', tasks: [task('paint', TUE_THU), task('wood'), task('clamp'), task('hammer'), task('screwdriver')] },
      { pictogramId: 'warehouse', tasks: [task('pack-boxes'), task('wood', MON), task('toolbox'), task('recycle', FRI)] },
      { pictogramId: 'kitchen', tasks: [task('make-coffee'), task('wash-dishes'), task('wipe-surfaces'), task('empty-bins', FRI)] },
    ],
    deviationCategories: ['safety', 'brokenTool', 'missingMaterial', 'quality', 'time', 'customer', 'other'],
    goals: [count('piecesMade', 'assemble', 10, 'week'), count('repairsDone', 'repair', 5, 'week'), SAFE_DAY, TIDY_END],
  },
  textile: {
    areas: [
      { pictogramId: 'textile', tasks: [task('sew'), task('thread'), task('sewing-needle'), task('safety-pin'), task('repair', TUE_THU)] },
      { pictogramId: 'workshop', tasks: [task('measure'), task('cut-fabric'), task('scissors'), task('yarn', MON_WED_FRI)] },
      { pictogramId: 'shop', tasks: [task('serve-customers'), task('price-items'), task('cash-register'), task('sort-clothes')] },
      { pictogramId: 'warehouse', tasks: [task('sort-clothes'), task('pack-boxes'), task('clothes'), task('recycle', FRI)] },
    ],
    deviationCategories: ['missingMaterial', 'quality', 'brokenTool', 'safety', 'customer', 'time', 'other'],
    goals: [count('itemsSewn', 'sew', 15, 'week'), count('itemsMended', 'repair', 10, 'week'), SAFE_DAY, TIDY_END],
  },
  moving: {
    areas: [
      { pictogramId: 'warehouse', tasks: [task('pack-boxes'), task('package'), task('wheelbarrow'), task('broom', FRI)] },
      { pictogramId: 'moving', tasks: [task('carry-furniture'), task('couch'), task('chair'), task('bed', TUE_THU), task('stairs')] },
      { pictogramId: 'lorry', tasks: [task('load-truck'), task('safety-vest'), task('key'), task('wipe-surfaces', FRI)] },
      { pictogramId: 'office', tasks: [task('meeting', MON), task('pencil'), task('recycle', WED), task('empty-bins', FRI)] },
    ],
    deviationCategories: ['safety', 'time', 'customer', 'brokenTool', 'missingMaterial', 'quality', 'other'],
    goals: [count('boxesPacked', 'pack-boxes', 40), count('movesDone', 'lorry', 3), SAFE_DAY, TIDY_END],
  },
  kitchen: {
    areas: [
      { pictogramId: 'kitchen', tasks: [task('wash-hands'), task('cook'), task('bake'), task('salad'), task('sandwich'), task('wash-dishes')] },
      { pictogramId: 'cafe', tasks: [task('make-coffee'), task('set-table'), task('serve-customers'), task('cash-register'), task('wipe-surfaces')] },
      { pictogramId: 'warehouse', tasks: [task('package', MON_WED_FRI), task('bread'), task('recycle'), task('empty-bins')] },
      { pictogramId: 'restroom', tasks: [task('clean-toilet'), task('soap'), task('toilet-paper'), task('mop-floor')] },
    ],
    deviationCategories: ['safety', 'quality', 'missingMaterial', 'customer', 'time', 'brokenTool', 'other'],
    goals: [count('guestsServed', 'serve-customers', 50), yesno('dishesDone', 'wash-dishes'), SAFE_DAY, TIDY_END],
  },
  secondhand: {
    areas: [
      { pictogramId: 'warehouse', tasks: [task('sort-clothes'), task('price-items'), task('recycle'), task('pack-boxes'), task('toy', TUE_THU)] },
      { pictogramId: 'shop', tasks: [task('clothes'), task('shelve-books'), task('price-items'), task('clean-windows', FRI), task('broom')] },
      { pictogramId: 'reception', tasks: [task('cash-register'), task('serve-customers'), task('shopping-bags'), task('coins')] },
      { pictogramId: 'moving', tasks: [task('carry-furniture', MON_WED_FRI), task('load-truck', TUE_THU), task('couch'), task('chair')] },
    ],
    deviationCategories: ['customer', 'quality', 'missingMaterial', 'safety', 'brokenTool', 'time', 'other'],
    goals: [count('itemsPriced', 'price-items', 60), count('bagsSorted', 'sort-clothes', 10), SAFE_DAY, TIDY_END],
  },
  outdoor: {
    areas: [
      { pictogramId: 'outdoor', tasks: [task('pick-litter'), task('rake-leaves'), task('empty-bins'), task('shovel'), task('wheelbarrow')] },
      { pictogramId: 'tree', tasks: [task('mow-lawn', TUE_THU), task('water-plants'), task('seedling', MON_WED_FRI), task('flower'), task('axe', FRI)] },
      { pictogramId: 'warehouse', tasks: [task('toolbox'), task('garden-gloves'), task('safety-vest'), task('wrench', FRI)] },
      { pictogramId: 'lorry', tasks: [task('load-truck'), task('recycle'), task('key'), task('wipe-surfaces', FRI)] },
    ],
    deviationCategories: ['safety', 'brokenTool', 'time', 'missingMaterial', 'quality', 'customer', 'other'],
    goals: [count('litterBags', 'pick-litter', 10), count('lawnsMown', 'mow-lawn', 5, 'week'), SAFE_DAY, TIDY_END],
  },
};

export function templateGoalKey(key: TemplateGoalKey): MessageKey {
  return `template.goal.${key}` as MessageKey;
}

/**
 * A template's weekdays fitted to the days a workplace is open: the open days
 * among them, or — if the workplace is closed on all of them — its first open
 * day, so no task silently never appears. A Monday–Friday "every day" task
 * becomes every open day.
 */
export function fitWeekdays(weekdays: readonly number[], openDays: readonly number[]): number[] {
  const open = [...openDays].sort((a, b) => a - b);
  if (open.length === 0) return [...weekdays];
  if (weekdays.length === DAILY.length && DAILY.every((d) => weekdays.includes(d))) return open;
  const fitted = weekdays.filter((d) => open.includes(d));
  return fitted.length > 0 ? fitted : [open[0]!];
}

export interface AppliedTemplate {
  areaIds: string[];
  recurringIds: string[];
  goalIds: string[];
}

/**
 * Creates a template's areas, recurring tasks and goals for a workplace and
 * sets its deviation categories, all in one transaction (so a failure leaves
 * no half-made board). Goal texts are in `lang`.
 */
export async function applyTemplate(repos: Repositories, workplaceId: string, activityType: ActivityType, lang: string): Promise<AppliedTemplate> {
  const template = TEMPLATES[activityType];
  // Loaded before the transaction: awaiting anything but IndexedDB inside it would end it early.
  const t = makeTranslator(await loadLanguage(lang));
  const workplace = await repos.workplaces.get(workplaceId);
  const openDays = workplace?.openDays ?? DAILY;
  return inWriteTx(repos.db, ['workplaces', 'workAreas', 'recurringTasks', 'goals'], async () => {
    const out: AppliedTemplate = { areaIds: [], recurringIds: [], goalIds: [] };
    await repos.workplaces.update(workplaceId, { deviationCategories: [...template.deviationCategories] });
    for (const area of template.areas) {
      const a = await repos.work.addArea(workplaceId, { pictogramId: area.pictogramId });
      out.areaIds.push(a.id);
      for (const tk of area.tasks) {
        const r = await repos.work.addRecurring(workplaceId, { workAreaId: a.id, pictogramId: tk.pictogramId, weekdays: fitWeekdays(tk.weekdays, openDays) });
        out.recurringIds.push(r.id);
      }
    }
    for (const g of template.goals) {
      const goal = await repos.goals.add(workplaceId, { pictogramId: g.pictogramId, text: t(templateGoalKey(g.key)), period: g.period, target: g.target });
      out.goalIds.push(goal.id);
    }
    return out;
  });
}
