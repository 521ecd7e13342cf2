/**
 * The light first visit (firstVisit.ts): who gets it — only a device that
 * surely has no data — and what it shows and does before the app is here.
 */
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_FACES_URL, DEMO_PEOPLE } from './demoPeople';
import { pictogramSetUrl, pictogramUrl } from '../pictograms/catalog';
import { WELCOME_PICTOGRAMS, DEVICE_DB_NAME, DEVICE_STORAGE_KEY, FIRST_VISIT_ATTR, firstVisitLanguage, isFirstVisit, showFirstVisit, SNAPSHOT_STORAGE_KEY, WELCOME_DATA_ID, type FirstVisitEnv } from './firstVisit';
import { takeFirstRunAction, setFirstRunAction } from './firstRun';
import { TavlaDb } from '../data/db';
import { DEVICE_KEY, SNAPSHOT_KEY } from '../core/snapshot';
import { welcomeDataBlock, WELCOME_DATA_ID as BUILD_DATA_ID } from '../../scripts/welcome-shell';

function env(over: Partial<FirstVisitEnv> & { items?: Record<string, string>; dbs?: string[] } = {}): FirstVisitEnv {
  const items = over.items ?? {};
  return {
    pathname: over.pathname ?? '/',
    secure: over.secure ?? true,
    storage: 'storage' in over ? over.storage! : { getItem: (k: string) => items[k] ?? null },
    databases: 'databases' in over ? over.databases : async () => (over.dbs ?? []).map((name) => ({ name })),
  };
}

describe('who gets the light first visit', () => {
  it('names the same database, storage keys and data block as the app and the build', () => {
    expect(new TavlaDb().name).toBe(DEVICE_DB_NAME);
    expect(SNAPSHOT_STORAGE_KEY).toBe(SNAPSHOT_KEY);
    expect(DEVICE_STORAGE_KEY).toBe(DEVICE_KEY);
    expect(WELCOME_DATA_ID).toBe(BUILD_DATA_ID);
  });

  it("fetches the demo's faces from the set that holds them", () => {
    expect(DEMO_FACES_URL).toBe(pictogramSetUrl('people'));
    for (const p of DEMO_PEOPLE) expect(pictogramUrl(p.avatar).startsWith(`${DEMO_FACES_URL}#`), p.avatar).toBe(true);
  });

  it('a device with no database, no board picture and no workplace remembered, on / or /setup', async () => {
    expect(await isFirstVisit(env())).toBe(true);
    expect(await isFirstVisit(env({ pathname: '/setup' }))).toBe(true);
    expect(await isFirstVisit(env({ dbs: ['another-app'] }))).toBe(true);
    // a device that booted before with no workplace (and since then lost its database)
    expect(await isFirstVisit(env({ items: { [DEVICE_KEY]: JSON.stringify({ workplace: false, lang: 'en' }) } }))).toBe(true);
  });

  it('never a device whose database exists, even with no remembered facts (an older version of the app)', async () => {
    expect(await isFirstVisit(env({ dbs: [DEVICE_DB_NAME] }))).toBe(false);
    expect(await isFirstVisit(env({ dbs: [DEVICE_DB_NAME], items: { [DEVICE_KEY]: JSON.stringify({ workplace: false, lang: 'sv' }) } }))).toBe(false);
  });

  it('never a device with a board picture or a workplace remembered, whatever the database list says', async () => {
    expect(await isFirstVisit(env({ items: { [SNAPSHOT_KEY]: '{}' } }))).toBe(false);
    expect(await isFirstVisit(env({ items: { [DEVICE_KEY]: JSON.stringify({ workplace: true, lang: 'sv' }) } }))).toBe(false);
    expect(await isFirstVisit(env({ items: { [DEVICE_KEY]: 'not json' } }))).toBe(false);
  });

  it('never when it cannot tell: no database list, a failing or hanging one, no storage, an insecure context, another screen', async () => {
    expect(await isFirstVisit(env({ databases: undefined }))).toBe(false);
    expect(await isFirstVisit(env({ databases: () => Promise.reject(new Error('no')) }))).toBe(false);
    expect(await isFirstVisit(env({ storage: null }))).toBe(false);
    expect(await isFirstVisit(env({ secure: false }))).toBe(false);
    expect(await isFirstVisit(env({ pathname: '/pair' }))).toBe(false);
    expect(await isFirstVisit(env({ pathname: '/restore' }))).toBe(false);
    vi.useFakeTimers();
    try {
      const hanging = isFirstVisit(env({ databases: () => new Promise(() => undefined) }));
      await vi.advanceTimersByTimeAsync(1000);
      expect(await hanging).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('speaks ?lang= when it is a UI language, else Swedish', () => {
    expect(firstVisitLanguage('?lang=ar')).toBe('ar');
    expect(firstVisitLanguage('?lang=xx')).toBe('sv');
    expect(firstVisitLanguage('')).toBe('sv');
  });
});

describe('the light welcome', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.documentElement.lang = 'sv';
    document.documentElement.dir = 'ltr';
    takeFirstRunAction();
  });

  function page() {
    document.body.innerHTML = `<div id="root"></div>${welcomeDataBlock()}`;
    return document.getElementById('root')!;
  }

  it('shows the wizard’s welcome with its controls, named, in the language asked for', async () => {
    const root = page();
    expect(showFirstVisit(root, 'en', { onIntent: () => undefined, onAction: () => undefined })).toBe(true);
    expect(root.querySelector(`[${FIRST_VISIT_ATTR}]`)).not.toBeNull();
    expect(root.querySelector('h1')!.textContent).toBe('Welcome to Tavla');
    const names = [...root.querySelectorAll('button, a')].map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['Language: English', 'Create a new board', 'Try the demo', 'Restore from a backup']);
    expect(root.querySelector('#setup-demo-text')!.textContent).toBe('See a board with made-up people. You can remove it later.');
    expect(root.querySelector('a')!.getAttribute('href')).toBe('/restore');
    for (const img of root.querySelectorAll('img')) expect(img.getAttribute('alt')).toBe('');
    // its pictograms' own files are the ones the service worker precaches for it (vite.config.ts)
    const shown = [...root.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(shown.sort()).toEqual(WELCOME_PICTOGRAMS.map((id) => `/pictograms/${id}.svg`).sort());
    const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    showFirstVisit(root, 'ar', { onIntent: () => undefined, onAction: () => undefined });
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
  });

  it('fetches the app at the first touch or key only, once; an action is passed on once and the controls wait', () => {
    const root = page();
    const onIntent = vi.fn();
    const onAction = vi.fn();
    showFirstVisit(root, 'sv', { onIntent, onAction });
    expect(onIntent).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('pointerdown'));
    window.dispatchEvent(new KeyboardEvent('keydown'));
    expect(onIntent).toHaveBeenCalledTimes(1);
    const demo = root.querySelector<HTMLButtonElement>('button[aria-describedby="setup-demo-text"]')!;
    demo.click();
    root.querySelector<HTMLButtonElement>('.setup-choice.primary')!.click();
    expect(onAction.mock.calls).toEqual([['demo']]);
    expect(demo.disabled).toBe(true);
  });

  it('the restore link does not leave the page by itself: the app opens its screen', () => {
    const root = page();
    const onAction = vi.fn();
    showFirstVisit(root, 'sv', { onIntent: () => undefined, onAction });
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    root.querySelector('a')!.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(onAction.mock.calls).toEqual([['restore']]);
  });

  it('speaks each tapped word in the page’s language, before the app is here', () => {
    const spoken: { text: string; lang: string }[] = [];
    class Utterance {
      lang = '';
      voice: unknown = null;
      constructor(public text: string) {}
    }
    let voices = [{ lang: 'en-GB' }, { lang: 'sv_SE' }];
    vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
    vi.stubGlobal('speechSynthesis', { getVoices: () => voices, cancel: vi.fn(), speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang }) });
    try {
      const root = page();
      showFirstVisit(root, 'sv-x-lattlast', { onIntent: () => undefined, onAction: () => undefined });
      root.querySelector<HTMLElement>('h1 span')!.click();
      root.querySelector<HTMLElement>('button[aria-describedby="setup-demo-text"] .label')!.click();
      // no Swedish voice (or none at all): nothing is said, as in the app
      voices = [{ lang: 'en-GB' }];
      root.querySelector<HTMLElement>('h1 span')!.click();
      voices = [];
      root.querySelector<HTMLElement>('h1 span')!.click();
      expect(spoken.map((s) => s.lang)).toEqual(['sv-SE', 'sv-SE']);
      expect(spoken[0]!.text).toBe(root.querySelector('h1')!.textContent);
      expect(spoken[1]!.text).toBe(root.querySelector('button[aria-describedby="setup-demo-text"]')!.getAttribute('aria-label'));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is not shown without words for the language (the whole app boots instead)', () => {
    document.body.innerHTML = '<div id="root"><p>Tavla</p></div>';
    const root = document.getElementById('root')!;
    expect(showFirstVisit(root, 'sv', { onIntent: () => undefined, onAction: () => undefined })).toBe(false);
    expect(root.textContent).toBe('Tavla');
  });

  it('keeps a choice for the wizard once', () => {
    setFirstRunAction('start');
    expect(takeFirstRunAction()).toBe('start');
    expect(takeFirstRunAction()).toBeNull();
  });
});
