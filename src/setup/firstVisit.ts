/**
 * The first visit, light: a device with no database at all (so no workplace,
 * no data of any kind) is shown the wizard's welcome — its title, lead, the
 * two big choices, "Restore from a backup" and the language button — built
 * from the words the page already carries (scripts/welcome-shell.ts), with no
 * framework, catalogue, Dexie, sync or board code. Those are fetched when the
 * visitor first touches the page (pointer, key or focus) — never on idle —
 * and the real app takes over when they pick an action, which the wizard then
 * carries out (firstRun.ts) as if it had been tapped there.
 *
 * Deciding it is cheap and errs on the safe side: only on `/` or `/setup`, in
 * a secure context, with no board picture and no workplace remembered in
 * localStorage (core/snapshot.ts), and only when `indexedDB.databases()` is
 * there and lists no Tavla database. A device with data, or one that cannot
 * tell (an older browser, an older version of the app without the remembered
 * facts, any error), boots the whole app as before and goes to its board.
 */
import { LANGUAGES } from '../i18n/tools/languages';
import type { FirstRunAction } from './firstRun';

/** The device's database (data/db.ts TavlaDb's default name; a unit test holds them equal). */
/**
 * The pictograms the light welcome shows (public/paint-snapshot.js's welcome words show two of them), each from
 * its own file: no set's stack is worth fetching for five. The service worker precaches these files besides the
 * sets the app shows pictograms from (vite.config.ts).
 */
export const WELCOME_PICTOGRAMS = ['tablet', 'language', 'plus', 'play', 'save'] as const;

export const DEVICE_DB_NAME = 'tavla';
/** localStorage keys of core/snapshot.ts (SNAPSHOT_KEY, DEVICE_KEY; a unit test holds them equal). */
export const SNAPSHOT_STORAGE_KEY = 'tavla:board-snapshot';
export const DEVICE_STORAGE_KEY = 'tavla:device';
/** The welcome words' data block (scripts/welcome-shell.ts WELCOME_DATA_ID). */
export const WELCOME_DATA_ID = 'tavla-welcome';
/** How long the database list may take before the whole app boots instead. */
const DATABASES_TIMEOUT_MS = 1000;
/** Marks the light welcome in `#root` (main.tsx replaces it with the app). */
export const FIRST_VISIT_ATTR = 'data-first-visit';

export interface FirstVisitEnv {
  pathname: string;
  secure: boolean;
  storage: Pick<Storage, 'getItem'> | null;
  databases: (() => Promise<{ name?: string }[]>) | undefined;
}

function browserEnv(): FirstVisitEnv {
  let storage: Storage | null = null;
  try {
    storage = localStorage;
  } catch {
    storage = null;
  }
  const idb = typeof indexedDB === 'undefined' ? undefined : indexedDB;
  return {
    pathname: location.pathname,
    secure: globalThis.isSecureContext ?? false,
    storage,
    databases: typeof idb?.databases === 'function' ? () => idb.databases() : undefined,
  };
}

/** True only when this device surely has no workplace and no data: see the header. */
export async function isFirstVisit(env: FirstVisitEnv = browserEnv()): Promise<boolean> {
  try {
    if (env.pathname !== '/' && env.pathname !== '/setup') return false;
    // an insecure context has a notice to show (shell/InsecureContextNotice) and no service worker: the whole app
    if (!env.secure || !env.storage || !env.databases) return false;
    if (env.storage.getItem(SNAPSHOT_STORAGE_KEY) !== null) return false;
    const device = JSON.parse(env.storage.getItem(DEVICE_STORAGE_KEY) ?? 'null') as { workplace?: unknown } | null;
    if (device && device.workplace !== false) return false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const list = await Promise.race([
      env.databases(),
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), DATABASES_TIMEOUT_MS))),
    ]).finally(() => clearTimeout(timer));
    return Array.isArray(list) && !list.some((d) => d.name === DEVICE_DB_NAME);
  } catch {
    return false;
  }
}

/** The UI language of a first visit: `?lang=` when it is one, else Swedish (as boot decides with no saved language). */
export function firstVisitLanguage(search: string): string {
  const asked = new URLSearchParams(search).get('lang');
  return LANGUAGES.some((l) => l.code === asked) ? asked! : 'sv';
}

interface Words {
  dir: 'ltr' | 'rtl';
  name: string;
  title: string;
  lead: string;
  start: string;
  demo: string;
  demoText: string;
  restore: string;
  language: string;
}

function readWords(doc: Document, lang: string): Words | null {
  try {
    const all = JSON.parse(doc.getElementById(WELCOME_DATA_ID)?.textContent ?? 'null') as Record<string, Partial<Words>> | null;
    const w = all?.[lang];
    const keys: (keyof Words)[] = ['dir', 'name', 'title', 'lead', 'start', 'demo', 'demoText', 'restore', 'language'];
    return w && keys.every((k) => typeof w[k] === 'string' && w[k]) ? (w as Words) : null;
  } catch {
    return null;
  }
}

export interface FirstVisitHandlers {
  /** the visitor touched the page for the first time: fetch the app */
  onIntent: () => void;
  /** the visitor picked an action: the app takes over and carries it out */
  onAction: (action: FirstRunAction) => void;
}

/**
 * Puts the wizard's welcome (Setup.tsx's markup and classes, inside the app
 * shell's grid) into `root`; false when the page has no words for `lang`
 * (then the caller boots the whole app).
 */
export function showFirstVisit(root: HTMLElement, lang: string, handlers: FirstVisitHandlers): boolean {
  const doc = root.ownerDocument;
  const w = readWords(doc, lang);
  if (!w) return false;
  const html = doc.documentElement;
  html.lang = lang;
  html.dir = w.dir;

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, ...children: (Node | string)[]) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.append(...children);
    return e;
  };
  // Pictogram (pictograms/Pictogram.tsx): a decorative image, the control carries the name
  const picto = (id: string, cls: string) =>
    el('img', { src: `/pictograms/${id}.svg`, alt: '', 'aria-hidden': 'true', draggable: 'false', width: '48', height: '48', decoding: 'async', class: `picto ${cls}`, 'data-pictogram': id });
  const controls: (HTMLButtonElement | HTMLAnchorElement)[] = [];
  let acted = false;
  const act = (action: FirstRunAction) => (e: Event) => {
    e.preventDefault();
    if (acted) return;
    acted = true;
    for (const c of controls) if (c instanceof HTMLButtonElement) c.disabled = true;
    handlers.onAction(action);
  };
  // PictoButton (core/ui.tsx)
  const button = (action: FirstRunAction, pictogram: string, label: string, cls: string, extra: Record<string, string> = {}) => {
    const b = el('button', { type: 'button', ...extra, 'aria-label': extra['aria-label'] ?? label, class: `picto-button ${cls}` }, picto(pictogram, 'picto-button-icon'), el('span', { class: 'label' }, label));
    b.addEventListener('click', act(action));
    controls.push(b);
    return b;
  };
  // PictoLink (core/ui.tsx), a link like the router's
  const restore = el('a', { href: '/restore', class: 'picto-button secondary normal ', 'aria-label': w.restore }, picto('save', 'picto-button-icon'), el('span', { class: 'label' }, w.restore));
  restore.addEventListener('click', act('restore'));
  controls.push(restore);

  const app = el(
    'div',
    { class: 'app', 'data-path': '/setup', [FIRST_VISIT_ATTR]: '' },
    el(
      'div',
      { class: 'app-main' },
      el(
        'main',
        { class: 'setup', 'aria-labelledby': 'setup-title' },
        el(
          'header',
          { class: 'setup-header' },
          el('h1', { id: 'setup-title', class: 'setup-title' }, picto('tablet', 'title-icon'), el('span', {}, w.title)),
          button('language', 'language', w.name, 'ghost normal ', { 'aria-label': `${w.language}: ${w.name}` }),
        ),
        el(
          'section',
          { class: 'setup-welcome', 'aria-label': w.title },
          el('p', { class: 'setup-lead' }, w.lead),
          el(
            'div',
            { class: 'setup-choices' },
            button('start', 'plus', w.start, 'primary large setup-choice'),
            el(
              'div',
              { class: 'setup-choice-wrap' },
              button('demo', 'play', w.demo, 'tile large setup-choice', { 'aria-describedby': 'setup-demo-text' }),
              el('p', { id: 'setup-demo-text', class: 'hint' }, w.demoText),
            ),
          ),
          el('div', { class: 'row' }, restore),
        ),
      ),
    ),
    // the notice band's row (core/notices.css): empty until the app is here
    el('div', { class: 'notice-host', 'aria-live': 'polite', 'data-count': '0' }),
  );
  root.replaceChildren(app);
  // Every word is spoken on tap, as in the app (core/speech/SpeechProvider.tsx, on by default): here with the
  // browser's voice for the page's language, as the app's speech module is not loaded yet.
  app.addEventListener('click', (e) => speakTapped(e.target, lang), true);

  // the first touch, key or focus fetches the app (never idle: nobody may need it)
  const win = doc.defaultView;
  const intents = ['pointerdown', 'touchstart', 'keydown', 'focusin'] as const;
  const intent = () => {
    for (const type of intents) win?.removeEventListener(type, intent, true);
    handlers.onIntent();
  };
  for (const type of intents) win?.addEventListener(type, intent, { capture: true, passive: true });
  return true;
}

/** The words of what was tapped on the light welcome (a control's name, a heading, a paragraph). */
export function tappedWords(target: EventTarget | null): string | null {
  const node = target instanceof Element ? target.closest('button, a, h1, p') : null;
  const text = (node?.getAttribute('aria-label') ?? node?.textContent ?? '').trim();
  return text || null;
}

function speakTapped(target: EventTarget | null, lang: string): void {
  const text = tappedWords(target);
  const synth = globalThis.speechSynthesis as SpeechSynthesis | undefined;
  if (!text || !synth || typeof SpeechSynthesisUtterance === 'undefined') return;
  try {
    const locale = LANGUAGES.find((l) => l.code === lang)?.locale ?? lang; // the voice the app asks for (SpeechProvider's localeOf)
    // only in a voice of the page's language, as the app: no voice says nothing (the app then shows its "no voice" notice)
    const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
    const voices = synth.getVoices();
    const voice = voices.find((v) => v.lang.toLowerCase() === locale.toLowerCase()) ?? voices.find((v) => primary(v.lang) === primary(locale));
    if (!voice) return;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = locale;
    u.voice = voice;
    synth.cancel();
    synth.speak(u);
  } catch {
    /* no voice: the words are on screen */
  }
}
