/**
 * The board snapshot's rules: what is kept (no photos, no dialogs, no
 * notices), when it is saved (a complete board, a second after the last
 * change), when it may be painted (today, the board route, its language, its
 * version) — checked against public/paint-snapshot.js itself, which must say
 * the same — and when it is dropped (another workplace or language at start,
 * a change to people, workplace or settings).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshRepos, seedPeople, seedWorkplace } from '../../tests/helpers/render';
import {
  checkSnapshotAtBoot,
  clearBoardSnapshot,
  keepBoardSnapshot,
  readBoardSnapshot,
  sanitiseSnapshot,
  saveBoardSnapshot,
  SNAPSHOT_DEBOUNCE_MS,
  SNAPSHOT_KEY,
  SNAPSHOT_VERSION,
  snapshotPaintable,
  watchSnapshotInvalidation,
  type BoardSnapshot,
  boardIsLive,
  whenBoardLive,
} from './snapshot';

const PAINT = readFileSync(join(process.cwd(), 'public/paint-snapshot.js'), 'utf8');

const BOARD = `<div class="app"><div class="app-main"><div class="board">
  <header><p class="board-date">måndag 7 december</p></header>
  <main class="board-grid"><section class="board-section section-attendance">
    <p class="section-summary">3 av 8 här</p>
    <span class="face-frame"><img src="blob:http://localhost/1234" class="face photo board" alt=""></span>
    <span class="face-frame"><img src="/pictograms/person.svg" class="face board" alt=""></span>
    <button type="button" class="face-button" onclick="alert(1)">Ada</button>
    <div class="custom" style="background-image: url(blob:http://localhost/99)"></div>
  </section></main>
</div></div><div class="notice-host" aria-live="polite"><div class="notice">Ada är här <button>Ångra</button></div></div></div>`;

function mountRoot(html = BOARD): HTMLElement {
  document.body.innerHTML = `<div id="root"></div>`;
  const root = document.getElementById('root')!;
  root.innerHTML = html;
  return root;
}

function snapshot(over: Partial<BoardSnapshot> = {}): BoardSnapshot {
  return { v: SNAPSHOT_VERSION, workplaceId: 'wp-1', lang: 'sv', dir: 'ltr', day: '2026-12-07', cls: 'pictures-only', textSize: 'large', html: '<div class="app"><div class="board">Tavlan</div></div>', savedAt: 0, ...over };
}

/** Runs public/paint-snapshot.js as the browser would, at `url`; true when it painted. */
function runPaint(url: string): boolean {
  history.replaceState(null, '', url);
  document.body.innerHTML = `<div id="root"><p class="boot-splash" aria-hidden="true">Tavla</p></div>`;
  new Function(PAINT)();
  return !document.querySelector('.boot-splash');
}

beforeEach(() => {
  localStorage.clear();
  document.documentElement.className = '';
  document.documentElement.lang = 'sv';
  document.documentElement.dir = 'ltr';
});
afterEach(() => {
  vi.useRealTimers();
  history.replaceState(null, '', '/');
});

describe('sanitising the board', () => {
  it('keeps pictogram images and first names, drops photos, object URLs, handlers and notices', () => {
    const html = sanitiseSnapshot(mountRoot());
    expect(html).not.toContain('blob:');
    expect(html).not.toContain('onclick');
    expect(html).not.toContain('Ångra');
    expect(html).toContain('/pictograms/person.svg');
    expect(html).toContain('Ada');
    expect(html).toContain('3 av 8 här');
    const copy = document.createElement('div');
    copy.innerHTML = html;
    // the photo is an empty frame of the same class (same size), the notice band is kept empty
    expect(copy.querySelector('span.face.photo.board')).not.toBeNull();
    expect(copy.querySelector('.notice-host')?.childElementCount).toBe(0);
    expect(copy.querySelector('.custom')?.getAttribute('style')).toBeNull();
  });

  it('drops dialogs and scripts', () => {
    const html = sanitiseSnapshot(mountRoot(`<div class="board"><p>x</p><script>1</script><div role="dialog">PIN</div><dialog open>PIN</dialog></div>`));
    expect(html).toBe('<div class="board"><p>x</p></div>');
  });
});

describe('saving', () => {
  it('keeps the facts of the page: workplace, day, language, direction, <html> classes and text size', () => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
    document.documentElement.className = 'high-contrast';
    document.documentElement.dataset.textSize = 'larger';
    expect(saveBoardSnapshot(mountRoot(), { workplaceId: 'wp-1', day: '2026-12-07' }, 42)).toBe(true);
    const snap = readBoardSnapshot()!;
    expect(snap).toMatchObject({ v: SNAPSHOT_VERSION, workplaceId: 'wp-1', day: '2026-12-07', lang: 'ar', dir: 'rtl', cls: 'high-contrast', textSize: 'larger', savedAt: 42 });
    expect(snap.html).toContain('board-grid');
    // the live app in its wrapper (main.tsx, while its picture was up): the picture is of what is inside
    const root = mountRoot(`<div data-live-app style="display: contents">${BOARD}</div>`);
    expect(saveBoardSnapshot(root, { workplaceId: 'wp-1', day: '2026-12-07' }, 43)).toBe(true);
    expect(readBoardSnapshot()!.html.startsWith('<div class="app">')).toBe(true);
    delete document.documentElement.dataset.textSize;
  });

  it('never saves a board still loading, with a dialog open, dimmed, not the board, or the picture itself', () => {
    const facts = { workplaceId: 'wp-1', day: '2026-12-07' };
    expect(saveBoardSnapshot(mountRoot(`<div class="app" data-board-snapshot aria-hidden="true"><div class="board"></div></div>`), facts, 0)).toBe(false);
    expect(saveBoardSnapshot(mountRoot(`<div class="board"><p aria-busy="true"></p></div>`), facts, 0)).toBe(false);
    expect(saveBoardSnapshot(mountRoot(`<div class="board"></div><div role="dialog"></div>`), facts, 0)).toBe(false);
    expect(saveBoardSnapshot(mountRoot(`<div class="board"></div><button class="kiosk-dim"></button>`), facts, 0)).toBe(false);
    expect(saveBoardSnapshot(mountRoot(`<main class="screen"></main>`), facts, 0)).toBe(false);
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });

  it('saves a second after the board last changed, and again after it was dropped', () => {
    vi.useFakeTimers();
    const root = mountRoot();
    let ready = false;
    const stop = keepBoardSnapshot(root, () => ({ workplaceId: 'wp-1', day: '2026-12-07' }), () => ready, () => 1);
    vi.advanceTimersByTime(SNAPSHOT_DEBOUNCE_MS * 3);
    expect(readBoardSnapshot()).toBeNull(); // not ready: nothing saved
    ready = true;
    root.querySelector('.section-summary')!.textContent = '4 av 8 här';
    return Promise.resolve().then(() => {
      // the mutation observer has queued its record; the save waits for a quiet second
      vi.advanceTimersByTime(SNAPSHOT_DEBOUNCE_MS - 10);
      expect(readBoardSnapshot()).toBeNull();
      vi.advanceTimersByTime(2500);
      expect(readBoardSnapshot()?.html).toContain('4 av 8 här');
      clearBoardSnapshot();
      expect(readBoardSnapshot()).toBeNull();
      vi.advanceTimersByTime(SNAPSHOT_DEBOUNCE_MS + 2500);
      expect(readBoardSnapshot()?.html).toContain('4 av 8 här');
      stop();
      clearBoardSnapshot();
      vi.advanceTimersByTime(SNAPSHOT_DEBOUNCE_MS * 5);
      expect(readBoardSnapshot()).toBeNull(); // stopped: the board is gone
    });
  });
});

describe('painting (snapshotPaintable and public/paint-snapshot.js agree)', () => {
  const cases: { name: string; snap: BoardSnapshot | null; url: string; now: string; paints: boolean }[] = [
    { name: 'today, the board', snap: snapshot(), url: '/', now: '2026-12-07T06:50:00', paints: true },
    { name: 'today, just before midnight', snap: snapshot(), url: '/', now: '2026-12-07T23:59:30', paints: true },
    { name: 'yesterday’s board after midnight', snap: snapshot(), url: '/', now: '2026-12-08T00:00:05', paints: false },
    { name: 'another screen', snap: snapshot(), url: '/attendance', now: '2026-12-07T09:00:00', paints: false },
    { name: '?lang= of its language', snap: snapshot(), url: '/?lang=sv', now: '2026-12-07T09:00:00', paints: true },
    { name: '?lang= of another language', snap: snapshot(), url: '/?lang=en', now: '2026-12-07T09:00:00', paints: false },
    { name: 'another format version', snap: snapshot({ v: SNAPSHOT_VERSION + 1 }), url: '/', now: '2026-12-07T09:00:00', paints: false },
    { name: 'no snapshot', snap: null, url: '/', now: '2026-12-07T09:00:00', paints: false },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.paints ? 'paints' : 'keeps the splash'}`, () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(c.now));
      if (c.snap) localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(c.snap));
      const [path, search = ''] = c.url.split('?');
      expect(snapshotPaintable(readBoardSnapshot(), { pathname: path!, search: search ? `?${search}` : '', now: new Date() })).toBe(c.paints);
      expect(runPaint(c.url)).toBe(c.paints);
    });
  }

  it('paints a picture, not controls: aria-hidden, inert, marked, with the <html> facts', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T09:00:00'));
    localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(snapshot({ lang: 'ar', dir: 'rtl' })));
    expect(runPaint('/')).toBe(true);
    const painted = document.querySelector('#root > .app')!;
    expect(painted.getAttribute('aria-hidden')).toBe('true');
    expect(painted.hasAttribute('inert')).toBe(true);
    expect(painted.hasAttribute('data-board-snapshot')).toBe(true);
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.className).toBe('pictures-only');
    expect(document.documentElement.dataset.textSize).toBe('large');
    delete document.documentElement.dataset.textSize;
  });

  it('keeps the splash when the stored snapshot is not JSON', () => {
    localStorage.setItem(SNAPSHOT_KEY, '{oops');
    expect(runPaint('/')).toBe(false);
  });
});

describe('dropping', () => {
  it('at start: another workplace, another language, or no workplace at all', () => {
    const put = () => localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(snapshot()));
    put();
    expect(checkSnapshotAtBoot('wp-1', 'sv')).toBe(true);
    expect(readBoardSnapshot()).not.toBeNull();
    expect(checkSnapshotAtBoot('wp-2', 'sv')).toBe(false);
    expect(readBoardSnapshot()).toBeNull();
    put();
    checkSnapshotAtBoot('wp-1', 'en');
    expect(readBoardSnapshot()).toBeNull();
    put();
    checkSnapshotAtBoot(null, 'sv');
    expect(readBoardSnapshot()).toBeNull();
  });

  it('when a person, the workplace or a setting changes; not for a check-in', async () => {
    const repos = freshRepos();
    watchSnapshotInvalidation(repos.db.name);
    const wp = await seedWorkplace(repos);
    const [ada] = await seedPeople(repos, wp.id, ['Ada']);
    const put = () => localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(snapshot({ workplaceId: wp.id })));
    const dropped = () => vi.waitFor(() => expect(readBoardSnapshot()).toBeNull());

    put();
    await repos.attendance.checkIn(wp.id, ada!.id, '2026-12-07', '08:00', Date.parse('2026-12-07T08:00:00'));
    await new Promise((r) => setTimeout(r, 50));
    expect(readBoardSnapshot()).not.toBeNull(); // the board re-saves itself after a check-in

    await repos.persons.erase(ada!.id);
    await dropped();
    put();
    await repos.settings.set('language', 'en');
    await dropped();
    put();
    await repos.workplaces.eraseFromDevice(wp.id);
    await dropped();
  });
});

describe('waiting for the live board', () => {
  afterEach(() => vi.useRealTimers());

  it('resolves when the board has its data, or after the time given, and only once', async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    void whenBoardLive(1000).then(() => seen.push('live'));
    void whenBoardLive(500).then(() => seen.push('late'));
    await vi.advanceTimersByTimeAsync(499);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['late']);
    boardIsLive();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['late', 'live']);
    // neither is called again: by a later board, or by its own timer
    boardIsLive();
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen).toEqual(['late', 'live']);
  });
});
