/**
 * The first visit's welcome before any script: the words come from the
 * catalogues (scripts/welcome-shell.ts), public/paint-snapshot.js paints them
 * only on a device with no workplace and no board picture, in the language
 * ?lang= asks for, else the one last used, else Swedish; boot and the
 * workplace table keep the device's facts (src/core/snapshot.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { welcomeDataBlock, welcomeWords } from '../../scripts/welcome-shell';
import { appModulesBlock } from '../../scripts/inline-css';
import { DEVICE_KEY, rememberDevice, SNAPSHOT_KEY, watchSnapshotInvalidation } from '../../src/core/snapshot';
import { LANGUAGES } from '../../src/i18n';
import sv from '../../src/i18n/sv';
import en from '../../src/i18n/en';
import ar from '../../src/i18n/ar';
import { freshRepos, seedWorkplace } from '../helpers/render';

const PAINT = readFileSync(join(process.cwd(), 'public/paint-snapshot.js'), 'utf8');

/** Runs paint-snapshot.js on index.html's body at `url`; the welcome shell, if painted. */
function runPaint(url: string): HTMLElement | null {
  history.replaceState(null, '', url);
  document.head.querySelectorAll('link[rel="modulepreload"]').forEach((l) => l.remove());
  document.body.innerHTML = `<div id="root"><p class="boot-splash" aria-hidden="true">Tavla</p></div>${welcomeDataBlock()}${appModulesBlock(['assets/start-A.js', 'assets/sv-B.js'])}`;
  new Function(PAINT)();
  const shell = document.querySelector<HTMLElement>('#root > [data-welcome-shell]');
  expect(document.querySelector('#root > .boot-splash') === null).toBe(shell !== null);
  return shell;
}

beforeEach(() => {
  localStorage.clear();
  document.documentElement.lang = 'sv';
  document.documentElement.dir = 'ltr';
});
afterEach(() => history.replaceState(null, '', '/'));

describe('the welcome words', () => {
  it('are the wizard’s welcome words in every UI language, with its direction and name', () => {
    const words = welcomeWords();
    expect(Object.keys(words)).toEqual(LANGUAGES.map((l) => l.code));
    const of = (c: Record<string, string>) => ({
      title: c['setup.welcome'],
      lead: c['setup.welcomeText'],
      start: c['setup.start'],
      demo: c['setup.tryDemo'],
      demoText: c['setup.demoText'],
      restore: c['setup.restore'],
      language: c['app.language'],
    });
    expect(words.sv).toEqual({ dir: 'ltr', name: 'Svenska', ...of(sv) });
    expect(words.ar).toEqual({ dir: 'rtl', name: 'العربية', ...of(ar) });
  });

  it('fall back to Swedish for a missing message, and fail the build for a language without a catalogue', () => {
    const all = Object.fromEntries(LANGUAGES.map((l) => [l.code, {}]));
    expect(welcomeWords(all).en!.lead).toBe(sv['setup.welcomeText']);
    const { en: _missing, ...rest } = all;
    expect(() => welcomeWords(rest)).toThrow(/en/);
  });

  it('never close their data block early', () => {
    const block = welcomeDataBlock({ sv: { dir: 'ltr', name: 'Svenska', title: '</script><b>', lead: 'x', start: 's', demo: 'd', demoText: 't', restore: 'r', language: 'l' } });
    expect(block.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(block.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '')).sv.title).toBe('</script><b>');
  });
});

describe('painting the welcome before the app', () => {
  it('a first visit gets the Swedish welcome: words only, aria-hidden and inert, the language button’s place unseen and disabled', () => {
    const shell = runPaint('/')!;
    expect(shell).not.toBeNull();
    expect(shell.getAttribute('aria-hidden')).toBe('true');
    expect(shell.hasAttribute('inert')).toBe(true);
    expect(shell.querySelector('h1.setup-title')!.textContent).toBe(sv['setup.welcome']);
    expect(shell.querySelector('p.setup-lead')!.textContent).toBe(sv['setup.welcomeText']);
    const place = shell.querySelector('button')!;
    expect(place.disabled).toBe(true);
    expect(place.tabIndex).toBe(-1);
    expect(place.style.visibility).toBe('hidden');
    expect(shell.querySelectorAll('button')).toHaveLength(1);
    expect(document.documentElement.lang).toBe('sv');
  });

  it('in the language ?lang= asks for, else the one last used here; an unknown ?lang= is ignored', () => {
    expect(runPaint('/?lang=ar')!.querySelector('.setup-lead')!.textContent).toBe(ar['setup.welcomeText']);
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    rememberDevice({ workplace: false, lang: 'en' });
    expect(runPaint('/setup')!.querySelector('.setup-lead')!.textContent).toBe(en['setup.welcomeText']);
    expect(document.documentElement.dir).toBe('ltr');
    expect(runPaint('/?lang=xx')!.querySelector('.setup-lead')!.textContent).toBe(en['setup.welcomeText']);
    expect(runPaint('/?lang=sv')!.querySelector('.setup-lead')!.textContent).toBe(sv['setup.welcomeText']);
  });

  it('never on a device with a workplace, with any board picture (even yesterday’s), or on another screen', () => {
    rememberDevice({ workplace: true, lang: 'sv' });
    expect(runPaint('/')).toBeNull();
    localStorage.clear();
    localStorage.setItem(SNAPSHOT_KEY, JSON.stringify({ v: 1, day: '2000-01-01', lang: 'sv', html: '<p>old</p>' }));
    expect(runPaint('/')).toBeNull();
    localStorage.clear();
    expect(runPaint('/pair')).toBeNull();
    expect(runPaint('/restore')).toBeNull();
    localStorage.setItem(DEVICE_KEY, '{oops');
    expect(runPaint('/')).toBeNull();
  });
});

describe('fetching the app with the page', () => {
  const preloaded = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname);
  beforeEach(() => vi.stubGlobal('isSecureContext', true));
  afterEach(() => vi.unstubAllGlobals());

  it('never on a first visit: its welcome needs none of the app', () => {
    runPaint('/');
    expect(preloaded()).toEqual([]);
  });

  it('on a device with a workplace or a board picture, on another screen, or where no first visit can be told', () => {
    rememberDevice({ workplace: true, lang: 'sv' });
    runPaint('/');
    expect(preloaded()).toEqual(['/assets/start-A.js', '/assets/sv-B.js']);
    localStorage.clear();
    runPaint('/pair');
    expect(preloaded()).toEqual(['/assets/start-A.js', '/assets/sv-B.js']);
    vi.stubGlobal('isSecureContext', false);
    runPaint('/');
    expect(preloaded()).toEqual(['/assets/start-A.js', '/assets/sv-B.js']);
  });
});

describe('the device’s facts', () => {
  it('a workplace written marks the device, so the next start shows no welcome', async () => {
    const repos = freshRepos();
    watchSnapshotInvalidation(repos.db.name);
    rememberDevice({ workplace: false, lang: 'en' });
    await seedWorkplace(repos);
    await vi.waitFor(() => expect(JSON.parse(localStorage.getItem(DEVICE_KEY)!)).toEqual({ workplace: true, lang: 'en' }));
    expect(runPaint('/')).toBeNull();
  });
});
