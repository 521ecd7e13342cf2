/**
 * Boot of the whole app: open the database, read the device's settings
 * (language, workplace), ask the browser to keep our storage, then render. If
 * IndexedDB cannot be opened (private mode, disabled storage) a plain
 * explanation is shown instead of a broken board. main.tsx loads this module
 * (and with it Dexie, the app's UI kit and the board) at once, or on a first
 * visit once the visitor acts on the light welcome (src/setup/firstVisit.ts).
 */
import { render } from 'solid-js/web';
import { TavlaDb } from '../data/db';
import { ensureAttendanceDaily } from '../data/attendanceDaily';
import { createRepositories } from '../data';
import { translateStorageError, StorageUnavailableError } from '../data/writer';
import { App } from './App';
import { StorageProblem } from './StorageProblem';
import { initialLanguage } from '../core/boot';
import { checkSnapshotAtBoot, LIVE_ATTR, rememberDevice, whenBoardLive, SNAPSHOT_ATTR, watchSnapshotInvalidation } from '../core/snapshot';
import { loadLanguage } from '../i18n';
import { clearDemoPending, readDemoPending } from '../setup/demoPending';
import { takeFirstRunAction } from '../setup/firstRun';
import type { StartedDemo } from '../setup/demo';
import { toIsoDate } from '../domain/dates';
import { WORKPLACE_SETTING } from '../data/repos/device';

/** The longest the board's picture stays up once the app has started rendering. */
const LIVE_WAIT_MS = 1500;

/** The catalogue arrives before the first render (no flash of empty labels); a failed chunk still renders. */
const languageLoaded = (code: string) => loadLanguage(code).then(() => undefined, () => undefined);

export interface StartOptions {
  /** a first visit: the visitor picked an action on the light welcome (src/setup/firstVisit.ts) */
  firstVisit?: boolean;
  /**
   * "Try the demo" was picked there: the demo's module, fetched since the tap. Its board is written (today's
   * rows and the device's workplace, one transaction) as soon as the database is open and the app renders
   * straight onto it: no wizard in between. Should that fail, the wizard opens and carries out the choice
   * (src/setup/firstRun.ts), with its error notice.
   */
  demo?: Promise<typeof import('../setup/demo')>;
}

/** Boots the whole app into `root` (main.tsx: at once, or on a first visit once an action is picked). */
export async function startApp(root: HTMLElement, opts: StartOptions = {}): Promise<void> {
  // Each language is a lazy chunk: start the likely one (`?lang=`, else Swedish) while the database opens.
  const guessed = languageLoaded(initialLanguage(null));
  const db = new TavlaDb();
  // No database yet is a first visit, which opens the setup wizard (a lazy chunk): fetch it while the database is created.
  // (the demo's board opens without it: only should writing the demo fail)
  if (opts.firstVisit) {
    if (!opts.demo) void import('../setup/Setup').catch(() => undefined);
  } else
    void indexedDB.databases?.().then((dbs) => {
      if (!dbs.some((d) => d.name === db.name)) void import('../setup/Setup').catch(() => undefined);
    }, () => undefined);
  try {
    await db.open();
  } catch (err) {
    const e = translateStorageError(err);
    console.error('IndexedDB unavailable', err);
    await guessed;
    root.replaceChildren(); // the splash of index.html (or a picture that does not fit: another workplace or language)
    render(() => <StorageProblem unavailable={e instanceof StorageUnavailableError} lang={initialLanguage(null)} />, root);
    return;
  }
  const repos = createRepositories(db);
  const [savedWorkplaceId, savedLang] = await Promise.all([
    repos.settings.get<string | null>(WORKPLACE_SETTING, null),
    repos.settings.get<string | null>('language', null),
  ]);
  let workplaceId = savedWorkplaceId;
  const lang = initialLanguage(savedLang);
  let demo: StartedDemo | undefined;
  if (opts.demo && !workplaceId) {
    try {
      const m = await opts.demo;
      const now = db.stamp();
      demo = await m.startDemoOnDevice(repos, { today: toIsoDate(new Date(now)), lang, now });
      workplaceId = demo.workplace.id;
      takeFirstRunAction(); // carried out here: the wizard never opens
      history.replaceState(history.state, '', `/${location.search}`); // the board's address (the welcome may be /setup)
    } catch (err) {
      console.error('the demo could not be started at boot: the wizard tries it', err);
      demo = undefined;
    }
  }
  // A device without a workplace opens the setup wizard (a lazy chunk): fetch it with the catalogue, not after the first render.
  const firstScreen = workplaceId ? Promise.resolve() : import('../setup/Setup').then(() => undefined, () => undefined);
  // The picture paint-snapshot.js may have painted must be this workplace's, in this language (src/core/snapshot.ts);
  // from now on any change to the workplace, its people or the settings drops it until the board saves a fresh one.
  const snapshotFits = checkSnapshotAtBoot(workplaceId, lang);
  watchSnapshotInvalidation(db.name);
  // what the next start's first paint may know before the app loads (a first visit's welcome, or not)
  rememberDevice({ workplace: workplaceId !== null, lang });
  // A language chosen by `?lang=` is the device's choice from now on.
  if (lang !== savedLang) void repos.settings.set('language', lang).catch(() => undefined);
  await languageLoaded(lang);
  if (snapshotFits && root.querySelector(`[${SNAPSHOT_ATTR}]`)) {
    // The board's picture is up (paint-snapshot.js): the live app renders beside the page and takes
    // its place once the board's sections have their data — no blank counts or faces in between —
    // or after at most LIVE_WAIT_MS (another screen, a slow start).
    const live = document.createElement('div');
    live.setAttribute(LIVE_ATTR, '');
    live.style.display = 'contents';
    void whenBoardLive(LIVE_WAIT_MS).then(() => {
      if (live.parentNode !== root) root.replaceChildren(live);
    });
    render(() => <App repos={repos} workplaceId={workplaceId} lang={lang} />, live);
  } else {
    // The first visit's welcome words stay up until the wizard's chunk is here: no blank page in between.
    if (root.querySelector('[data-welcome-shell], [data-first-visit]')) await firstScreen;
    root.replaceChildren(); // the splash of index.html, the welcome words (or a picture that does not fit: another workplace or language)
    render(() => <App repos={repos} workplaceId={workplaceId} lang={lang} demo={demo} />, root);
  }
  // Sync is not needed to draw the first screen: load it after the first render (and the wizard's chunk, on a first visit).
  await firstScreen;
  void import('../sync/runner').then((m) => m.startSyncRunner(db));
  // The demo's past days, if the page closed before they were written (src/setup/demoPending.ts).
  const demoPending = demo ? null : readDemoPending(); // (a demo started here writes its own: DemoHistory.tsx)
  if (demoPending) {
    document.documentElement.dataset.demoSeeding = '';
    void import('../setup/demo')
      .then((m) => m.resumeDemoHistory(repos, demoPending))
      .then(() => clearDemoPending(), (err: unknown) => console.warn("the demo's past days not written", err))
      .finally(() => delete document.documentElement.dataset.demoSeeding);
  }
  // Daily attendance counts marked missing (marks written around the app) are recounted in the background.
  void ensureAttendanceDaily(db).catch((err: unknown) => console.warn('attendance counts not rebuilt', err));
  // A restore's attendance history, if the page closed before it was stored (data/repos/backup.ts).
  const restored = import('../data/restoreQueue')
    .then((m) => m.pendingRestores(db))
    .then(async (ids) => {
      if (ids.length === 0) return;
      document.documentElement.dataset.restoring = '';
      try {
        for (const id of ids) await repos.backup.finishRestore(id);
      } finally {
        delete document.documentElement.dataset.restoring;
      }
    })
    .catch((err: unknown) => console.warn('restored history not stored yet', err));
  // Personal data past the workplace's retention period is anonymised at start and then daily (after that history).
  void restored.then(() => import('../retention/job')).then((m) => m.startRetentionJob(repos));
  if (navigator.storage?.persist) {
    navigator.storage.persist().catch(() => undefined);
  }
}

