/**
 * The workplace's custom (photo) pictograms as a registry every pictogram
 * renderer can read: `custom:<id>` → object URL and label.
 *
 * Records store only `custom:<id>`; the image is a content-addressed blob.
 * Rather than threading object URLs through every component that shows a
 * task's or goal's pictogram, the app installs one live registry
 * (`installCustomPictograms`) and `Pictogram`, the picker and `pl()` look ids
 * up here. Object URLs are revoked when a pictogram disappears.
 */
import { createSignal, untrack } from 'solid-js';

export interface CustomEntry {
  id: string; // `custom:<row id>`
  label: string;
  url: string;
}

const [entries, setEntries] = createSignal<ReadonlyMap<string, CustomEntry>>(new Map());

/** The current custom pictograms (reactive). */
export function customPictograms(): readonly CustomEntry[] {
  return [...entries().values()];
}

/** Object URL of a custom pictogram, or undefined while unknown (reactive). */
export function customPictogramUrl(id: string): string | undefined {
  return entries().get(id)?.url;
}

/** Label of a custom pictogram, or undefined (reactive). */
export function customPictogramLabel(id: string): string | undefined {
  return entries().get(id)?.label;
}

export interface CustomSource {
  rowId: string;
  label: string;
  /** SHA-256 of the image; an unchanged hash keeps its object URL */
  hash: string;
  blob: Blob | undefined;
}

const hashes = new Map<string, string>(); // object URL -> hash

/**
 * Replaces the registry with `sources`, reusing object URLs of unchanged
 * images and revoking the rest.
 */
export function setCustomPictograms(
  sources: readonly CustomSource[],
  urls: { createObjectURL: (b: Blob) => string; revokeObjectURL: (u: string) => void } = URL,
): void {
  const prev = untrack(entries);
  const next = new Map<string, CustomEntry>();
  for (const s of sources) {
    if (!s.blob) continue;
    const id = `custom:${s.rowId}`;
    const old = prev.get(id);
    let url: string;
    if (old && hashes.get(old.url) === s.hash) url = old.url;
    else {
      url = urls.createObjectURL(s.blob);
      hashes.set(url, s.hash);
    }
    next.set(id, { id, label: s.label, url });
  }
  const kept = new Set([...next.values()].map((e) => e.url));
  for (const e of prev.values()) {
    if (kept.has(e.url)) continue;
    urls.revokeObjectURL(e.url);
    hashes.delete(e.url);
  }
  setEntries(next);
}
