/**
 * The kiosk guard: what keeps a wall tablet usable when nobody looks after
 * it. Mounted once, in the app's layout, around every screen.
 *
 * - Screen Wake Lock: requested at start, again whenever the tab becomes
 *   visible (the browser drops it when hidden) and on a tap after a refusal.
 *   A refusal or a browser without the API shows a small pictogram in a
 *   corner (it never blocks a tap) and is never an error.
 * - Fullscreen on the first touch of a participant screen (a browser may
 *   refuse; nothing else depends on it). Mouse clicks do not ask: a
 *   supervisor's laptop should not jump to fullscreen.
 * - Participant screens get `<html data-participant>`: themes.css then turns
 *   off text selection, callouts, pinch zoom and pull-to-refresh there, and
 *   the context menu is refused (except in text fields).
 * - Time comes from the app clock: a deadline set at each touch (no polling)
 *   checks idleness, and the clock's minute tick checks dimming and the quiet
 *   reload.
 * - Idle: after `prefs.idleSeconds` without a touch a participant screen
 *   returns to the home board. The entry flows write their draft on every
 *   change (src/board/entry/draft.ts), so the only thing left to save is a
 *   field being typed in: it is blurred first, which commits it.
 * - Outside opening hours (when enabled) the screen dims after the idle time;
 *   a tap on the dimmed screen lifts it for another idle time, and a tap that
 *   lands on a face also checks that person in (the first tap of the day).
 * - Quiet reload: once a night after `prefs.quietReloadHour`, when nothing is
 *   pending (see hasPendingWork), the app activates a waiting service worker
 *   and reloads, so updates arrive without anyone tapping "Update".
 * - Crashes: an error boundary logs the error (device-local crash log) and
 *   shows the board again; a burst of crashes offers a full restart instead.
 * - Every notice gets a short confirmation sound (prefs.sounds).
 */
import { useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, ErrorBoundary, on, onCleanup, onMount, Show, type ParentProps } from 'solid-js';
import { useApp } from '../core/context';
import { usePrefs } from '../core/prefs';
import { PictoButton } from '../core/ui';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { crashRecovery, hasPendingWork, idleMs, isParticipantPath, shouldDim, shouldQuietReload, shouldReturnHome } from './kiosk';
import { playConfirmation } from '../core/sound';
import { logCrash, setWakeLock, wakeLock } from './state';
import '../core/themes.css';
import './kiosk.css';

/** When this page was loaded (the first mount): a quiet reload happens only for a page older than tonight's slot. */
let pageLoadedAt: number | undefined;
const QUIET_CHECK_EVERY_MS = 60_000;
/** At most one wake-lock retry on a tap per this time (a refusal is not worth a retry per tap). */
const WAKE_RETRY_MS = 30_000;
/** Crash times of this page, kept across remounts so a burst is seen as one. */
const crashTimes: number[] = [];

function isTyping(): boolean {
  const el = document.activeElement;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

/** Activates a waiting service worker (a new app version), then reloads. */
async function reloadForUpdate(): Promise<void> {
  try {
    const reg = await navigator.serviceWorker?.getRegistration();
    if (reg) {
      await reg.update().catch(() => undefined);
      const installing = reg.installing;
      if (installing) {
        await new Promise<void>((resolve) => {
          const done = () => installing.state === 'installed' || installing.state === 'redundant';
          installing.addEventListener('statechange', () => done() && resolve());
          setTimeout(resolve, 30_000);
        });
      }
      if (reg.waiting) {
        const changed = new Promise<void>((resolve) => {
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
          setTimeout(resolve, 5_000);
        });
        reg.waiting.postMessage({ type: 'SKIP_WAITING' });
        await changed;
      }
    }
  } catch (err) {
    console.warn('update check before the quiet reload failed', err);
  }
  window.location.reload();
}

function CrashFallback(props: { error: unknown; reset: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const now = app.clock.now();
  const action = crashRecovery(crashTimes, now);
  crashTimes.push(now);
  const crashedPath = location.pathname;
  onMount(() => {
    console.error('a screen crashed; the kiosk guard recovers', props.error);
    const message = props.error instanceof Error ? `${props.error.name}: ${props.error.message}` : String(props.error);
    void logCrash(app.repos, { at: now, path: crashedPath, message }).catch(() => undefined);
    if (action === 'board') {
      navigate('/', { replace: true });
      app.notify({ kind: 'info', pictogram: 'home', message: 'kiosk.crashed' });
    }
  });
  // Render the screens again only once the board is the route (the crashed screen would just
  // crash again); a crash of the board itself is retried in place, and a burst stops that.
  createEffect(() => {
    if (action === 'board' && (location.pathname !== crashedPath || crashedPath === '/')) props.reset();
  });
  return (
    <Show when={action === 'restart'}>
      <main class="kiosk-restart" aria-labelledby="kiosk-restart-title">
        <Pictogram id="warning" class="kiosk-restart-icon" />
        <h1 id="kiosk-restart-title">{t('kiosk.restartTitle')}</h1>
        <PictoButton pictogram="sync" label={t('kiosk.restart')} variant="primary" size="large" onClick={() => window.location.reload()} />
      </main>
    </Show>
  );
}

export function KioskGuard(props: ParentProps) {
  const app = useApp();
  const { prefs } = usePrefs();
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const participant = () => isParticipantPath(location.pathname);

  const clock = app.clock;
  pageLoadedAt ??= clock.now();
  const loadedAt = pageLoadedAt;
  const lastActivity = () => app.activity.last();
  let lastQuietCheck = 0;
  let idleCheck: ReturnType<typeof setTimeout> | undefined;
  let askedFullscreen = false;
  let disposed = false;
  let sentinel: WakeLockSentinel | null = null;
  const [dimmed, setDimmed] = createSignal(false);

  createEffect(() => document.documentElement.toggleAttribute('data-participant', participant()));

  // ---- screen wake lock ----
  const acquireWakeLock = async () => {
    if (!('wakeLock' in navigator) || !navigator.wakeLock) {
      setWakeLock('unsupported');
      return;
    }
    if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
    try {
      const s = await navigator.wakeLock.request('screen');
      if (disposed) {
        void s.release();
        return;
      }
      sentinel = s;
      setWakeLock('active');
      s.addEventListener('release', () => {
        if (sentinel !== s) return;
        sentinel = null;
        if (!disposed) setWakeLock('released');
      });
    } catch (err) {
      console.warn('screen wake lock refused', err);
      setWakeLock('refused');
    }
  };
  const onVisibility = () => {
    if (document.visibilityState === 'visible') void acquireWakeLock();
  };

  // ---- touches (the app's activity tracker keeps the last one; each re-arms the idle check) ----
  let lastWakeRetry = 0;
  const onPointerUp = (e: Event) => {
    // a refused or dropped wake lock is asked for again on a tap (a user gesture helps some browsers)
    if ((wakeLock() === 'refused' || wakeLock() === 'released') && clock.now() - lastWakeRetry > WAKE_RETRY_MS) {
      lastWakeRetry = clock.now();
      void acquireWakeLock();
    }
    const pointerType = (e as PointerEvent).pointerType;
    if (askedFullscreen || pointerType === 'mouse' || !participant() || app.unlocked()) return;
    askedFullscreen = true;
    const root = document.documentElement;
    if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
    try {
      void root.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
    } catch {
      // an old browser that throws instead of rejecting: stay as we are
    }
  };
  const onContextMenu = (e: Event) => {
    if (!participant()) return;
    const target = e.target as Element | null;
    if (target?.closest?.('input, textarea, select, [contenteditable="true"]')) return;
    e.preventDefault();
  };

  // ---- idle, dimming, quiet reload ----
  const returnHome = () => {
    // Commit a field being typed in; everything else of an entry is already in its draft.
    const el = document.activeElement;
    if (el instanceof HTMLElement && el !== document.body) el.blur();
    navigate('/');
  };

  const checkQuietReload = async () => {
    const hour = prefs().quietReloadHour;
    if (!shouldQuietReload(clock.now(), loadedAt, hour, false)) return;
    const wpId = app.workplaceId();
    // An unpaired tablet never empties its outbox (there is nowhere to send it), and the
    // outbox is stored data that a reload keeps; it only counts while sync can run.
    const paired = (await app.repos.sync.pairing().catch(() => null)) !== null;
    const [outbox, drafts] = await Promise.all([paired && wpId ? app.repos.sync.pendingCount(wpId) : 0, app.repos.drafts.count()]);
    const pending = hasPendingWork({
      outbox,
      drafts,
      dialogOpen: document.querySelector('[role="dialog"], [data-entering="true"]') !== null || Boolean(app.notice()?.undo),
      typing: isTyping(),
      supervisorUnlocked: app.unlocked(),
      idleForMs: clock.now() - lastActivity(),
    });
    if (!disposed && shouldQuietReload(clock.now(), loadedAt, hour, pending)) await reloadForUpdate();
  };

  const tick = () => {
    if (disposed) return;
    const now = clock.now();
    const p = prefs();
    if (shouldReturnHome(location.pathname, now, lastActivity(), p.idleSeconds, app.unlocked())) returnHome();
    const wp = app.workplace();
    if (!dimmed() && shouldDim(p.dimOutsideHours, new Date(now), wp, lastActivity(), p.idleSeconds)) setDimmed(true);
    // the day began, or the setting was turned off: undim without waiting for a tap
    else if (dimmed() && !shouldDim(p.dimOutsideHours, new Date(now), wp, 0, p.idleSeconds)) setDimmed(false);
    if (now - lastQuietCheck >= QUIET_CHECK_EVERY_MS) {
      lastQuietCheck = now;
      void checkQuietReload().catch((err: unknown) => console.warn('quiet reload check failed', err));
    }
  };

  /** The next moment idleness can change something: the idle time after the last touch. */
  function armIdleCheck() {
    clearTimeout(idleCheck);
    if (disposed) return;
    const wait = Math.max(0, lastActivity() + idleMs(prefs().idleSeconds) - clock.now());
    idleCheck = setTimeout(tick, wait + 50);
  }

  const wake = () => {
    app.activity.mark(clock.now());
    setDimmed(false);
    armIdleCheck();
  };
  /**
   * A tap on the dimmed screen lifts it, and when it landed on a face (an
   * early arrival checking in) it also acts as that tap: nobody has to tap
   * twice. Any other control under it is left alone (a stray touch on a dark
   * screen should not report a deviation).
   */
  const wakeAndTap = (e: MouseEvent) => {
    const dim = e.currentTarget as HTMLElement;
    const under = e.detail > 0 ? document.elementsFromPoint(e.clientX, e.clientY).find((el) => !dim.contains(el)) : undefined;
    const face = under?.closest<HTMLElement>('.face-button');
    wake();
    face?.click();
  };

  // the minute tick (dimming at opening and closing, the quiet reload), and a new deadline
  // whenever the screen or the idle setting changes
  createEffect(on(clock.minute, tick, { defer: true }));
  createEffect(on([() => location.pathname, () => prefs().idleSeconds], armIdleCheck));

  // ---- confirmation sound for every new notice ----
  // (only a notice newer than any heard before: one closing leaves an older one newest again;
  // the low-priority speech notice has no sound of its own)
  let lastSounded = 0;
  createEffect(
    on(
      () => app.notice()?.id,
      (id) => {
        const n = app.notice();
        if (id === undefined || !n || id <= lastSounded) return;
        lastSounded = id;
        if (prefs().sounds && !n.queued) playConfirmation(n.kind);
      },
      { defer: true },
    ),
  );

  onMount(() => {
    void acquireWakeLock();
    const stopActivity = app.activity.onActivity(armIdleCheck);
    window.addEventListener('pointerup', onPointerUp, { passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    document.addEventListener('contextmenu', onContextMenu);
    onCleanup(() => {
      disposed = true;
      clearTimeout(idleCheck);
      stopActivity();
      window.removeEventListener('pointerup', onPointerUp);
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('contextmenu', onContextMenu);
      document.documentElement.removeAttribute('data-participant');
      void sentinel?.release().catch(() => undefined);
    });
  });

  return (
    <>
      <ErrorBoundary fallback={(error, reset) => <CrashFallback error={error} reset={reset} />}>{props.children}</ErrorBoundary>
      <Show when={wakeLock() === 'refused' || wakeLock() === 'unsupported'}>
        <div class="kiosk-wake-notice" role="img" aria-label={t('kiosk.wakeLockRefused')} title={t('kiosk.wakeLockRefused')}>
          <Pictogram id="tablet" class="kiosk-wake-icon" />
          <Pictogram id="warning" class="kiosk-wake-badge" />
        </div>
      </Show>
      <Show when={dimmed()}>
        <button type="button" class="kiosk-dim" aria-label={t('kiosk.wake')} onClick={wakeAndTap}>
          <Pictogram id="sun" class="kiosk-dim-icon" />
        </button>
      </Show>
    </>
  );
}
