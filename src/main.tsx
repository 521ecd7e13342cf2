/**
 * The entry: decides what the first screen needs and loads only that.
 *
 * A device that surely has no data yet (src/setup/firstVisit.ts: no database,
 * no board picture, no workplace remembered) gets the wizard's welcome at
 * once, built from the words in the page: no framework, catalogue or database
 * code. The whole app (src/shell/start.tsx: Dexie, the UI kit, the board, the
 * wizard) is fetched at the visitor's first touch, key or focus, and boots
 * when they pick an action, which the wizard then carries out. Every other
 * start boots the whole app at once, as it always has.
 */
import { firstVisitLanguage, isFirstVisit, showFirstVisit } from './setup/firstVisit';
import { setFirstRunAction } from './setup/firstRun';
import { DEMO_FACES_URL } from './setup/demoPeople';
import './core/styles.css';
// the wizard's styles are in the page (inlined by the build): the first visit's welcome words, painted before any script
// (public/paint-snapshot.js), already have the welcome's look
import './setup/setup.css';

const loadApp = () => import('./shell/start');

/**
 * "Try the demo": everything its board needs is fetched at once, in parallel — the app's modules with the
 * default language's catalogue (the build's list, `tavla-app-modules`, as public/paint-snapshot.js preloads
 * them for a device with a board) and the demo's writer — so none waits for another to be evaluated first.
 */
function preloadAppModules() {
  try {
    const list = JSON.parse(document.getElementById('tavla-app-modules')?.textContent ?? '[]') as unknown;
    if (!Array.isArray(list)) return;
    for (const href of list) {
      if (typeof href !== 'string') continue;
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.appendChild(link);
    }
  } catch {
    /* the app loads them itself */
  }
}

/**
 * The service worker, for a first visit that has not loaded the app (whose update prompt registers it, with
 * workbox-window): the same script and scope, once the page has loaded, so the precache never competes with it.
 */
function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

async function main() {
  const root = document.getElementById('root')!;
  if (await isFirstVisit()) {
    // the welcome's words painted before any script (public/paint-snapshot.js) reach the screen first
    if (root.querySelector('[data-welcome-shell]')) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    let app: ReturnType<typeof loadApp> | undefined;
    const fetchApp = () => (app ??= loadApp());
    let started = false;
    const shown = showFirstVisit(root, firstVisitLanguage(location.search), {
      onIntent: () => void fetchApp().catch(() => undefined),
      onAction: (action) => {
        if (started) return;
        started = true;
        // "Restore from a backup" is a link: the app starts on its screen; the wizard carries out the others
        if (action === 'restore') history.pushState(null, '', `/restore${location.search}`); // `?lang=` too: the app boots in the welcome's language
        else setFirstRunAction(action);
        let demo: Promise<typeof import('./setup/demo')> | undefined;
        if (action === 'demo') {
          preloadAppModules();
          demo = import('./setup/demo');
          // the demo's board opens on its people's faces: fetch them while the app loads and the demo is written
          new Image().src = DEMO_FACES_URL;
        }
        void fetchApp().then((m) => m.startApp(root, { firstVisit: true, demo }));
      },
    });
    if (shown) {
      if (import.meta.env.PROD) registerServiceWorker();
      return;
    }
  }
  const m = await loadApp();
  await m.startApp(root);
}

void main();
