/**
 * A deleted row stays in the table as a tombstone (sync needs it to win over
 * concurrent edits) but is never shown, counted or exported: every read that
 * lists rows passes them through this one filter.
 */
export function liveRows<T extends { deleted?: 0 | 1 }>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.deleted !== 1);
}
