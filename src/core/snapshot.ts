/**
 * The board snapshot: a picture of today's board, painted before the app's
 * code has loaded.
 *
 * Once the live board (route `/`) shows all its data, and again a moment
 * after anything on it changes, its rendered markup is kept in localStorage
 * with the facts that say when it may be shown: the workplace, the language
 * and direction, the device's local day, the classes of `<html>` (pictures
 * only, contrast, text size) and a format version. On the next start
 * `public/paint-snapshot.js` (a classic script that runs while the page is
 * parsed, long before the main module) puts it into `#root` in place of the
 * splash — `aria-hidden` and `inert`: a picture, never controls — when
 * {@link snapshotPaintable} says yes; `main.tsx` replaces it with the live
 * app. The two files state the same rule; a unit test runs both.
 *
 * Truth and privacy: a snapshot of another day is never painted; it is
 * dropped whenever the workplace, its people or photos, or this device's
 * settings (language, preferences, workplace) change — the live board saves
 * a fresh one a moment later. Photos (object URLs) are never kept: a face
 * photo becomes an empty frame, first names stay (the board shows them).
 */
import Dexie from 'dexie';
import { toIsoDate } from '../domain/dates';

export const SNAPSHOT_KEY = 'tavla:board-snapshot';
/** Bump when the stored shape changes: paint-snapshot.js paints only its own version. */
export const SNAPSHOT_VERSION = 1;
/** Marks every top-level element of a painted snapshot (paint-snapshot.js sets it). */
export const SNAPSHOT_ATTR = 'data-board-snapshot';
/** Marks the wrapper the live app renders into while its picture is still up (main.tsx). */
export const LIVE_ATTR = 'data-live-app';

const liveListeners = new Set<() => void>();

/** The live board has all its data on screen (Home): the picture may give way. */
export function boardIsLive(): void {
  for (const fn of [...liveListeners]) fn();
}

/**
 * Resolves when the live board has its data (see boardIsLive), or after `timeoutMs` (another screen, a slow
 * start): what waits for the board's first frames (the picture giving way, a demo's or a restore's history).
 */
export function whenBoardLive(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      liveListeners.delete(done);
      clearTimeout(timer);
      resolve();
    };
    liveListeners.add(done);
    const timer = setTimeout(done, timeoutMs);
  });
}

export interface BoardSnapshot {
  v: number;
  workplaceId: string;
  /** the UI language code and its direction, as on `<html lang dir>` */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** the device's local day the board showed (YYYY-MM-DD) */
  day: string;
  /** `<html class>` (pictures-only, high-contrast) and `data-text-size` */
  cls: string;
  textSize: string;
  /** the sanitised markup of `#root` */
  html: string;
  savedAt: number;
}

export type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The device's localStorage, or null where storage is disabled (private mode, blocked). */
export function storage(): Store | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled: no snapshot, nothing breaks
  }
}

const clearedListeners = new Set<() => void>();

/** Called after the snapshot has been dropped (the live board saves a fresh one). */
export function onSnapshotCleared(fn: () => void): () => void {
  clearedListeners.add(fn);
  return () => clearedListeners.delete(fn);
}

export function clearBoardSnapshot(store: Store | null = storage()): void {
  try {
    store?.removeItem(SNAPSHOT_KEY);
  } catch {
    /* nothing to clear */
  }
  for (const fn of [...clearedListeners]) fn();
}

export function readBoardSnapshot(store: Store | null = storage()): BoardSnapshot | null {
  try {
    const raw = store?.getItem(SNAPSHOT_KEY);
    return raw ? (JSON.parse(raw) as BoardSnapshot) : null;
  } catch {
    return null;
  }
}

/** Where and when a start may paint a snapshot: the rule paint-snapshot.js applies. */
export function snapshotPaintable(snap: BoardSnapshot | null, at: { pathname: string; search: string; now: Date }): boolean {
  if (!snap || snap.v !== SNAPSHOT_VERSION || typeof snap.html !== 'string') return false;
  if (at.pathname !== '/') return false;
  if (snap.day !== toIsoDate(at.now)) return false; // never another day's board
  const asked = new URLSearchParams(at.search).get('lang');
  return !asked || asked === snap.lang;
}

/** Drops a snapshot that does not belong to the workplace and language this start found on the device; true when one is kept. */
export function checkSnapshotAtBoot(workplaceId: string | null, lang: string, store: Store | null = storage()): boolean {
  const snap = readBoardSnapshot(store);
  if (!snap) return false;
  if (!workplaceId || snap.workplaceId !== workplaceId || snap.lang !== lang || snap.v !== SNAPSHOT_VERSION) {
    clearBoardSnapshot(store);
    return false;
  }
  return true;
}

/** Things that are the live app's own business, never part of the picture. */
const DROP = ['script', 'noscript', 'iframe', 'object', 'embed', 'audio', 'video', 'dialog', '[role="dialog"]', '[role="alertdialog"]', 'template', '.update-prompt', '.kiosk-dim', '.kiosk-wake-notice'];

/**
 * The markup of `root` fit to keep: no dialogs, no notices (a confirmation
 * answers a tap, not a start), no object URLs (photos live in IndexedDB and
 * die with the page) — a photo becomes an empty frame of the same size.
 */
export function sanitiseSnapshot(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll(DROP.join(','))) el.remove();
  // the notice band keeps its place, empty
  for (const el of copy.querySelectorAll('.notice-host, [aria-live]')) el.replaceChildren();
  for (const img of copy.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (/^(blob:|data:)/i.test(src) || !src.startsWith('/')) {
      const frame = img.ownerDocument.createElement('span');
      frame.className = img.className;
      frame.setAttribute('aria-hidden', 'true');
      img.replaceWith(frame);
    }
  }
  for (const el of copy.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'autofocus' || name === 'srcset' || /blob:|url\(|javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
    }
  }
  return copy.innerHTML;
}

export interface SnapshotFacts {
  workplaceId: string;
  day: string;
}

/** Saves the board now, if it is complete: all data in, no dialog open. Returns whether it saved. */
export function saveBoardSnapshot(root: Element, facts: SnapshotFacts, now: number, store: Store | null = storage()): boolean {
  if (!store) return false;
  // the picture itself is still up (the live app is not in the page yet): nothing live to keep
  if (root.querySelector(`[${SNAPSHOT_ATTR}]`)) return false;
  // the live app in its wrapper (main.tsx, after a painted snapshot): the picture is of what is inside
  root = root.querySelector(`:scope > [${LIVE_ATTR}]`) ?? root;
  // a board still loading, a dialog open, a dimmed or crashed kiosk: not a picture of the board
  if (root.querySelector('[aria-busy="true"], dialog, [role="dialog"], [role="alertdialog"], .kiosk-dim, .kiosk-restart') || !root.querySelector('.board')) return false;
  const html = document.documentElement;
  const snap: BoardSnapshot = {
    v: SNAPSHOT_VERSION,
    workplaceId: facts.workplaceId,
    lang: html.lang,
    dir: html.dir === 'rtl' ? 'rtl' : 'ltr',
    day: facts.day,
    cls: html.className,
    textSize: html.dataset.textSize ?? '',
    html: sanitiseSnapshot(root),
    savedAt: now,
  };
  try {
    store.setItem(SNAPSHOT_KEY, JSON.stringify(snap));
    return true;
  } catch {
    return false; // full or disabled: the splash will do
  }
}

/** What paint-snapshot.js knows of the device before the app loads: whether it has a workplace, its language. */
export const DEVICE_KEY = 'tavla:device';

export interface DeviceFacts {
  /** a workplace may exist: no first-visit welcome before the app (never cleared to false but at boot) */
  workplace: boolean;
  lang: string;
}

/** Boot (main.tsx) records the device's facts for the next start's first paint (public/paint-snapshot.js). */
export function rememberDevice(facts: DeviceFacts, store: Store | null = storage()): void {
  try {
    store?.setItem(DEVICE_KEY, JSON.stringify(facts));
  } catch {
    /* storage full or off: the next start shows the splash or the welcome, as on a first visit */
  }
}

function markWorkplace(store: Store | null = storage()): void {
  try {
    const facts = JSON.parse(store?.getItem(DEVICE_KEY) ?? 'null') as Partial<DeviceFacts> | null;
    if (facts?.workplace !== true) rememberDevice({ workplace: true, lang: typeof facts?.lang === 'string' ? facts.lang : '' }, store);
  } catch {
    rememberDevice({ workplace: true, lang: '' }, store);
  }
}

/** Tables whose change may make the picture untrue or private: drop it (the board saves a fresh one). */
const INVALIDATING = new Set(['workplaces', 'persons', 'blobs', 'settings']);
let watching = false;

/** Drops the snapshot after any committed change to the workplace, its people, photos or the device's settings. */
export function watchSnapshotInvalidation(dbName: string): void {
  if (watching) return;
  watching = true;
  Dexie.on('storagemutated', (parts) => {
    for (const part of Object.keys(parts)) {
      const m = /^idb:\/\/(.+)\/([^/]+)\/[^/]*$/.exec(part);
      if (m && m[1] === dbName && INVALIDATING.has(m[2]!)) {
        // a workplace written (set up, paired, restored): the next start is no first visit
        if (Object.keys(parts).some((q) => q.startsWith(`idb://${dbName}/workplaces/`))) markWorkplace();
        clearBoardSnapshot();
        return;
      }
    }
  });
}

export const SNAPSHOT_DEBOUNCE_MS = 1000;

/**
 * Keeps the snapshot of the live board `root` fresh while it is on screen:
 * once `ready()`, and again a second after the board's markup last changed
 * (or the snapshot was dropped), when the browser is idle. Returns a stop
 * function.
 */
export function keepBoardSnapshot(root: Element, facts: () => SnapshotFacts | null, ready: () => boolean, now: () => number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const save = () => {
    timer = undefined;
    const f = facts();
    if (f && ready()) saveBoardSnapshot(root, f, now());
  };
  const schedule = () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
    idle = undefined;
    timer = setTimeout(() => {
      // no `timeout` option: Playwright's controlled clock (e2e) never runs an idle callback given one
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(() => { idle = undefined; save(); });
      else save();
    }, SNAPSHOT_DEBOUNCE_MS);
  };
  const observer = typeof MutationObserver === 'undefined' ? null : new MutationObserver(schedule);
  observer?.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  const offCleared = onSnapshotCleared(schedule);
  schedule();
  return () => {
    observer?.disconnect();
    offCleared();
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
