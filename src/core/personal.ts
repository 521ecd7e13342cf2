/**
 * A participant's own way of seeing the board, for a while: pictures-only
 * turned on (or off) from the board header without the supervisor and
 * without changing the tablet's settings. It lasts PERSONAL_MS after the last
 * change, then the tablet's own setting is back; a reload forgets it too.
 * (A participant's language is theirs on their own page, src/board/me.)
 */
import { createRoot, createSignal } from 'solid-js';

/** How long a participant's choice lasts. */
export const PERSONAL_MS = 15 * 60_000;

const personal = createRoot(() => {
  const [picturesOnly, setPicturesOnly] = createSignal<boolean | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    /** the participant's choice, or null when the tablet's setting applies */
    picturesOnly,
    setPicturesOnly(value: boolean | null) {
      clearTimeout(timer);
      setPicturesOnly(value);
      if (value !== null) timer = setTimeout(() => setPicturesOnly(null), PERSONAL_MS);
    },
  };
});

export const personalPicturesOnly = personal.picturesOnly;
export const setPersonalPicturesOnly = personal.setPicturesOnly;

/** Pictures-only as shown now: the participant's choice for a while, else the tablet's setting. */
export function effectivePicturesOnly(tabletSetting: boolean): boolean {
  return personal.picturesOnly() ?? tabletSetting;
}
