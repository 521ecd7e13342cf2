/**
 * Pictograms that point along the reading direction. In right-to-left
 * languages (Arabic, Dari) "next" points left and "back" points right, so
 * these are mirrored there; everything else (faces, tools, a clock, charts
 * whose time axis is universal) keeps its artwork. The mirroring itself is
 * the CSS rule `.picto.flip-rtl:dir(rtl)` in pictograms.css.
 */
import type { PictogramId } from './catalog.ts';

export const MIRRORED_IN_RTL: ReadonlySet<PictogramId> = new Set<PictogramId>(['back', 'next', 'previous', 'undo']);

export function mirrorsInRtl(id: string): boolean {
  return MIRRORED_IN_RTL.has(id as PictogramId);
}
