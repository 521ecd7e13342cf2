/**
 * The kiosk guard in the running app: idle return keeps the half-entered
 * report, the wake lock is kept (and its refusal is a pictogram, not a
 * crash), fullscreen is asked on the first touch, the context menu is refused
 * on participant screens, the screen dims outside opening hours until a tap,
 * notices beep, and a crashing screen brings the board back.
 */
import { A, Route, Router } from '@solidjs/router';
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import type { JSX } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProvider, createAppStore } from '../core/context';
import { createPrefsStore, DEFAULT_PREFS, PrefsProvider, type DevicePrefs } from '../core/prefs';
import { NoticeHost } from '../core/ui';
import type { Repositories } from '../data';
import type { Workplace } from '../domain/types';
import { isoWeekday, toIsoDate } from '../domain/dates';
import { I18nProvider } from '../i18n';
import { freshRepos, renderApp, seedPeople, seedWorkplace } from '../../tests/helpers/render';
import { KioskGuard } from './KioskGuard';
import { CRASH_LOG_KEY, type CrashEntry } from './state';

const SLOW = { timeout: 5000 };
let repos: Repositories;
let wp: Workplace;
/**
 * Moves the wall clock and the timers forward: the guard's idle deadline
 * (set at the last touch) comes due, as it would after `ms` on the wall.
 */
function advanceClock(ms: number) {
  vi.advanceTimersByTime(ms);
}

async function setPrefs(p: Partial<DevicePrefs>) {
  await repos.settings.set('devicePrefs', { ...DEFAULT_PREFS, ...p });
}

class FakeSentinel extends EventTarget {
  released = false;
  readonly type = 'screen';
  async release() {
    this.released = true;
    this.dispatchEvent(new Event('release'));
  }
}

beforeEach(async () => {
  // time runs by itself (IndexedDB, rendering) and tests jump it with advanceClock
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  repos = freshRepos();
  wp = await seedWorkplace(repos);
  await seedPeople(repos, wp.id, ['Aya', 'Bo']);
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (navigator as { wakeLock?: unknown }).wakeLock;
  delete (document.documentElement as { requestFullscreen?: unknown }).requestFullscreen;
  delete (window as { AudioContext?: unknown }).AudioContext;
});

describe('returning to the board when idle', () => {
  it('goes home after the idle time and keeps the half-entered report as a draft', async () => {
    await setPrefs({ idleSeconds: 10 });
    renderApp(repos, wp.id, '/deviations/new');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Broken tool or machine' }, SLOW));
    await user.type(await screen.findByLabelText('Write (if you want)'), 'Saw blade loose');

    advanceClock(11_000);
    await waitFor(() => expect(window.location.pathname).toBe('/'), SLOW);
    await screen.findByRole('region', { name: 'Attendance' }, SLOW);
    vi.restoreAllMocks();

    await user.click(screen.getByRole('link', { name: 'Report a deviation' }));
    const text = (await screen.findByLabelText('Write (if you want)', {}, SLOW)) as HTMLTextAreaElement;
    expect(text.value).toBe('Saw blade loose');
    expect(await screen.findByRole('button', { name: 'Aya' }, SLOW)).toBeTruthy(); // straight to "who", the category is kept
    expect(await repos.deviations.all(wp.id)).toHaveLength(0);
  });

  it('does not leave a screen before the idle time, nor the board itself', async () => {
    await setPrefs({ idleSeconds: 60 });
    renderApp(repos, wp.id, '/goals');
    await screen.findByRole('heading', { level: 1, name: 'Goals' }, SLOW);
    advanceClock(30_000);
    await new Promise((r) => setTimeout(r, 1300));
    expect(window.location.pathname).toBe('/goals');
  });
});

describe('screen wake lock', () => {
  it('is requested at start and again when the tablet comes back to the tab', async () => {
    const request = vi.fn(async () => new FakeSentinel());
    Object.defineProperty(navigator, 'wakeLock', { value: { request }, configurable: true });
    renderApp(repos, wp.id, '/');
    await waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    const first = (await request.mock.results[0]!.value) as FakeSentinel;
    await first.release(); // the browser drops it when the tab is hidden
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(request).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole('img', { name: 'The screen may go dark' })).toBeNull();
  });

  it('shows a pictogram when the browser refuses, and the board keeps working', async () => {
    const request = vi.fn(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    Object.defineProperty(navigator, 'wakeLock', { value: { request }, configurable: true });
    renderApp(repos, wp.id, '/');
    const notice = await screen.findByRole('img', { name: 'The screen may go dark' }, SLOW);
    expect(notice.querySelector('img[data-pictogram="tablet"]')).not.toBeNull();
    expect(await screen.findByRole('region', { name: 'Attendance' })).toBeTruthy();
  });
});

describe('touch and kiosk rules', () => {
  it('asks for fullscreen on the first touch only, and a refusal changes nothing', async () => {
    const requestFullscreen = vi.fn(() => Promise.reject(new Error('refused')));
    Object.defineProperty(document.documentElement, 'requestFullscreen', { value: requestFullscreen, configurable: true });
    renderApp(repos, wp.id, '/attendance');
    await screen.findByRole('button', { name: 'Aya' }, SLOW);
    const tap = (pointerType: string) => {
      const e = new Event('pointerup', { bubbles: true });
      Object.defineProperty(e, 'pointerType', { value: pointerType });
      screen.getByRole('button', { name: 'Aya' }).dispatchEvent(e);
    };
    tap('mouse');
    expect(requestFullscreen).not.toHaveBeenCalled();
    tap('touch');
    tap('touch');
    expect(requestFullscreen).toHaveBeenCalledTimes(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByRole('button', { name: 'Aya' })).toBeTruthy();
  });

  it('marks participant screens on <html> and refuses the context menu there only', async () => {
    renderApp(repos, wp.id, '/attendance');
    const face = await screen.findByRole('button', { name: 'Aya' }, SLOW);
    expect(document.documentElement.hasAttribute('data-participant')).toBe(true);
    expect(fireEvent.contextMenu(face)).toBe(false); // prevented
    cleanup();
    renderApp(repos, wp.id, '/about');
    await screen.findByRole('heading', { level: 1 }, SLOW);
    await waitFor(() => expect(document.documentElement.hasAttribute('data-participant')).toBe(false));
    expect(fireEvent.contextMenu(screen.getByRole('heading', { level: 1 }))).toBe(true);
  });

  /** frequencies played; shared, since sound.ts keeps one AudioContext for the page */
  const tones: number[] = [];
  const installFakeAudio = () => {
    tones.length = 0;
    (window as { AudioContext?: unknown }).AudioContext = FakeAudioContext;
  };
  class FakeAudioContext {
    state = 'running';
    currentTime = 0;
    destination = {};
    resume = async () => undefined;
    createOscillator() {
      return {
        type: 'sine',
        frequency: {
          set value(v: number) {
            tones.push(v);
          },
        },
        connect: (n: unknown) => n,
        start() {},
        stop() {},
      };
    }
    createGain() {
      return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (n: unknown) => n };
    }
  }

  it('plays a short rising sound when a check-in is confirmed', async () => {
    installFakeAudio();
    renderApp(repos, wp.id, '/attendance');
    fireEvent.click(await screen.findByRole('button', { name: 'Aya' }, SLOW));
    await screen.findByText('Welcome, Aya!', { exact: false });
    await waitFor(() => expect(tones).toEqual([660, 880]));
  });

  it('stays silent when sounds are turned off', async () => {
    installFakeAudio();
    await setPrefs({ sounds: false });
    renderApp(repos, wp.id, '/attendance');
    await waitFor(async () => expect((await repos.settings.get<DevicePrefs>('devicePrefs', DEFAULT_PREFS)).sounds).toBe(false));
    await new Promise((r) => setTimeout(r, 50));
    fireEvent.click(await screen.findByRole('button', { name: 'Aya' }, SLOW));
    await screen.findByText('Welcome, Aya!', { exact: false });
    await new Promise((r) => setTimeout(r, 50));
    expect(tones).toEqual([]);
  });
});

describe('outside opening hours', () => {
  it('dims the screen after the idle time and a tap lifts it', async () => {
    // open only on a day two days from now: today is outside the hours all day
    const closedToday = ((isoWeekday(toIsoDate(new Date())) + 1) % 7) + 1;
    await repos.workplaces.update(wp.id, { openDays: [closedToday] });
    await setPrefs({ idleSeconds: 10, dimOutsideHours: true });
    renderApp(repos, wp.id, '/');
    await screen.findByRole('region', { name: 'Attendance' }, SLOW);
    expect(screen.queryByRole('button', { name: 'Tap to wake the board' })).toBeNull();
    advanceClock(11_000);
    const wake = await screen.findByRole('button', { name: 'Tap to wake the board' }, SLOW);
    fireEvent.click(wake);
    expect(screen.queryByRole('button', { name: 'Tap to wake the board' })).toBeNull();
  });

  it('never dims when the setting is off', async () => {
    const closedToday = ((isoWeekday(toIsoDate(new Date())) + 1) % 7) + 1;
    await repos.workplaces.update(wp.id, { openDays: [closedToday] });
    await setPrefs({ idleSeconds: 10, dimOutsideHours: false });
    renderApp(repos, wp.id, '/');
    await screen.findByRole('region', { name: 'Attendance' }, SLOW);
    advanceClock(11_000);
    await new Promise((r) => setTimeout(r, 1300));
    expect(screen.queryByRole('button', { name: 'Tap to wake the board' })).toBeNull();
  });
});

describe('crash recovery', () => {
  function Boom(): JSX.Element {
    throw new Error('kaboom');
  }
  function Harness() {
    const store = createAppStore(repos, wp.id);
    const prefs = createPrefsStore(repos);
    return (
      <I18nProvider initial="en">
        <PrefsProvider store={prefs}>
          <AppProvider store={store}>
            <Router
              root={(p) => (
                <>
                  <KioskGuard>{p.children}</KioskGuard>
                  <NoticeHost />
                </>
              )}
            >
              <Route
                path="/"
                component={() => (
                  <main>
                    <h1>The board</h1>
                    <A href="/goals/broken">open</A>
                  </main>
                )}
              />
              <Route path="/goals/broken" component={Boom} />
            </Router>
          </AppProvider>
        </PrefsProvider>
      </I18nProvider>
    );
  }

  it('logs a crash and shows the board again; a burst of crashes offers a restart', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    window.history.pushState({}, '', '/');
    render(() => <Harness />);
    fireEvent.click(await screen.findByRole('link', { name: 'open' }));
    await screen.findByRole('heading', { name: 'The board' });
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(await screen.findByText('Something went wrong. Here is the board again.')).toBeTruthy();
    await waitFor(async () => {
      const log = await repos.settings.get<CrashEntry[]>(CRASH_LOG_KEY, []);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ path: '/goals/broken', message: 'Error: kaboom' });
    });

    fireEvent.click(screen.getByRole('link', { name: 'open' }));
    await waitFor(async () => expect(await repos.settings.get<CrashEntry[]>(CRASH_LOG_KEY, [])).toHaveLength(2));
    fireEvent.click(await screen.findByRole('link', { name: 'open' }));
    expect(await screen.findByRole('button', { name: 'Restart' })).toBeTruthy();
  });
});
