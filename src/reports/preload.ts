/**
 * What the trends screen reads first, started before the screen is opened:
 * the Manage hub, where the Trends tile is, calls `preloadTrends` once it is
 * on screen. The reads (IndexedDB, off the main thread) fill the reports
 * repository's memory (data/repos/reports.ts), so the tap on the tile waits
 * for the charts, not for a year of deviations and ideas; a tap while they
 * are still being read joins the same reads. Kept out of the screen's own
 * chunk: the hub loads that on idle, and the data need not wait for it.
 */
import type { AppStore } from '../core/context';
import { addMonths } from '../domain/dates';
import type { Iso } from '../domain/types';

export const TREND_RANGES = [3, 6, 12] as const;
export const DEFAULT_TREND_RANGE = 12;

/** The first day of the month (months − 1) months before today's. */
export const trendsFrom = (today: Iso, months: number): Iso => `${addMonths(today, -(months - 1)).slice(0, 7)}-01`;

export function preloadTrends(app: Pick<AppStore, 'workplaceId' | 'today' | 'repos'>): void {
  const id = app.workplaceId();
  if (!id) return;
  const today = app.today();
  // a failure here is the screen's to show when it is opened (it reads again)
  app.repos.reports.trends(id, trendsFrom(today, DEFAULT_TREND_RANGE), today).catch(() => undefined);
}
