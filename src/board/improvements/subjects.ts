/**
 * What an idea can be about: the tiles of the "New idea" flow's second tap.
 * A short, fixed list of everyday subjects (a general idea first, then the
 * workplace's own kind of work); the detail step's picture picker offers the
 * whole idea, work-area, task and tool catalogue for anything more specific.
 */
import type { ActivityType } from '../../domain/types';
import { ACTIVITY_PICTOGRAM, type PictogramCategory, type PictogramId } from '../../pictograms/catalog';

const COMMON_SUBJECTS: readonly PictogramId[] = [
  'toolbox',
  'package',
  'safety',
  'clock',
  'sparkles',
  'recycle',
  'handshake',
  'serve-customers',
  'heart',
  'fika',
];

export const IDEA_PICKER_CATEGORIES: PictogramCategory[] = ['idea', 'work-area', 'task', 'tool'];

/** The subject pictograms for a workplace, in tile order, without repeats. */
export function ideaSubjects(activity: ActivityType | undefined): PictogramId[] {
  const own = activity ? [ACTIVITY_PICTOGRAM[activity]] : [];
  return [...new Set<PictogramId>(['idea', ...own, ...COMMON_SUBJECTS])];
}
