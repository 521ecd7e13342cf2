/**
 * Device preferences: how this tablet shows and speaks the board. They are
 * per device (a wall tablet in the laundry may need larger text than the
 * supervisor's laptop), stored in the local `settings` table, never synced.
 *
 * Each preference is a signal, loaded once at start and written through on
 * change. The document root gets classes/attributes for the visual ones
 * (`pictures-only`, `high-contrast`, `data-text-size`) so CSS does the rest.
 */
import { createContext, createEffect, createSignal, useContext, type Accessor, type ParentProps } from 'solid-js';
import type { Repositories } from '../data';
import { effectivePicturesOnly } from './personal';

export interface DevicePrefs {
  /** hide all text on participant screens; everything works by pictogram */
  picturesOnly: boolean;
  highContrast: boolean;
  textSize: 'normal' | 'large' | 'larger';
  /** speech rate for speechSynthesis, 0.5–1.5 */
  speechRate: number;
  /** speak the word of any tapped pictogram */
  speakOnTap: boolean;
  /** show Swedish under the chosen language's labels (to learn Swedish) */
  bilingual: boolean;
  /** seconds without a touch before a participant screen returns to the board */
  idleSeconds: number;
  /** hour (0–23) of the nightly reload for updates, when nothing is pending */
  quietReloadHour: number;
  /** dim the screen outside the workplace's opening hours */
  dimOutsideHours: boolean;
  /** a short sound with every confirmation (see src/core/sound.ts) */
  sounds: boolean;
}

export const DEFAULT_PREFS: DevicePrefs = {
  picturesOnly: false,
  highContrast: false,
  textSize: 'normal',
  speechRate: 0.9,
  speakOnTap: true,
  bilingual: false,
  idleSeconds: 120,
  quietReloadHour: 3,
  dimOutsideHours: true,
  sounds: true,
};

const PREFS_KEY = 'devicePrefs';

export interface PrefsStore {
  prefs: Accessor<DevicePrefs>;
  set: <K extends keyof DevicePrefs>(key: K, value: DevicePrefs[K]) => Promise<void>;
  /** the saved preferences have been read (or could not be): until then <html> keeps what it has */
  loaded?: Accessor<boolean>;
}

export function createPrefsStore(repos: Repositories): PrefsStore {
  const [prefs, setPrefs] = createSignal<DevicePrefs>(DEFAULT_PREFS);
  const [loaded, setLoaded] = createSignal(false);
  void repos.settings.get<Partial<DevicePrefs>>(PREFS_KEY, {}).then(
    (saved) => setPrefs({ ...DEFAULT_PREFS, ...saved }),
    () => undefined, // unreadable settings: the defaults stay
  ).finally(() => setLoaded(true));
  return {
    prefs,
    loaded,
    async set(key, value) {
      const next = { ...prefs(), [key]: value };
      setPrefs(next);
      await repos.settings.set(PREFS_KEY, next);
    },
  };
}

/**
 * Reflects the visual preferences on <html>, where the CSS reads them — once
 * they are read (`loaded`), so the classes the board's snapshot painted
 * (core/snapshot.ts) are not switched off and on again while they load.
 */
export function applyPrefsToDocument(prefs: Accessor<DevicePrefs>, loaded: Accessor<boolean> = () => true): void {
  createEffect(() => {
    if (!loaded()) return;
    const p = prefs();
    const root = document.documentElement;
    root.classList.toggle('pictures-only', effectivePicturesOnly(p.picturesOnly));
    root.classList.toggle('high-contrast', p.highContrast);
    root.dataset.textSize = p.textSize;
  });
}

const PrefsContext = createContext<PrefsStore>();

export function PrefsProvider(props: ParentProps<{ store: PrefsStore }>) {
  // eslint-disable-next-line solid/reactivity -- the store is created once for the app's lifetime
  applyPrefsToDocument(props.store.prefs, props.store.loaded);
  return <PrefsContext.Provider value={props.store}>{props.children}</PrefsContext.Provider>;
}

/** The preferences when a provider is mounted (component tests may render without one). */
export function usePrefsOptional(): PrefsStore | undefined {
  return useContext(PrefsContext);
}

export function usePrefs(): PrefsStore {
  const ctx = useContext(PrefsContext);
  if (!ctx) throw new Error('usePrefs outside PrefsProvider');
  return ctx;
}
