/**
 * The in-progress entry of a report or an idea, kept in `repos.drafts` so a
 * reload, a crash or the board's idle reset never loses a photo or a text
 * someone already gave.
 *
 * - The draft loads once on mount; until it has loaded the flow shows
 *   nothing, so a restored entry never jumps under someone's finger. If the
 *   person has already tapped something, their tap wins over the old draft.
 * - Every change is written in order through one promise chain, so a late
 *   write can never resurrect a draft that `finish()` already cleared.
 * - A draft older than DRAFT_MAX_AGE_MS is dropped: it belongs to someone
 *   else's morning, not to the person standing at the tablet now.
 */
import { createSignal, onMount } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useApp } from '../../core/context';

export const DRAFT_MAX_AGE_MS = 4 * 60 * 60 * 1000;
/** The longest optional text of a deviation or an idea (characters as a reader counts them). */
export const ENTRY_TEXT_MAX = 200;

export interface EntryValue {
  /** what the entry is about: a deviation category or an idea's subject pictogram; null on the first step */
  choice: string | null;
  /** a more specific pictogram picked on the detail step */
  pictogramId: string | null;
  /** SHA-256 of a stored photo blob */
  photo: string | null;
  text: string;
}

interface StoredDraft extends EntryValue {
  savedAt: number;
}

const EMPTY: EntryValue = { choice: null, pictogramId: null, photo: null, text: '' };

export function createEntryDraft(key: string) {
  const { repos } = useApp();
  const [entry, setEntry] = createStore<EntryValue>({ ...EMPTY });
  const [ready, setReady] = createSignal(false);
  let touched = false;
  let finished = false;
  let queue: Promise<void> = Promise.resolve();

  const enqueue = (write: () => Promise<void>) => {
    queue = queue.then(write).catch((err: unknown) => console.error('draft write failed', err));
    return queue;
  };

  const persist = () => {
    if (finished) return;
    const snapshot: StoredDraft = { ...entry, savedAt: repos.db.now() };
    const empty = snapshot.choice === null && !snapshot.photo && !snapshot.text && !snapshot.pictogramId;
    void enqueue(() => (empty ? repos.drafts.clear(key) : repos.drafts.save(key, snapshot)));
  };

  onMount(async () => {
    try {
      const stored = await repos.drafts.get<StoredDraft>(key);
      if (stored && !touched && repos.db.now() - stored.savedAt < DRAFT_MAX_AGE_MS) {
        setEntry({ choice: stored.choice, pictogramId: stored.pictogramId, photo: stored.photo, text: stored.text ?? '' });
      }
    } catch (err) {
      console.error('draft read failed', err);
    }
    setReady(true);
  });

  return {
    entry,
    ready,
    update(patch: Partial<EntryValue>) {
      touched = true;
      setEntry(patch);
      persist();
    },
    /** Back to an empty entry (the person cancelled). */
    reset() {
      touched = true;
      setEntry({ ...EMPTY });
      persist();
    },
    /** The entry is saved: forget the draft for good. */
    finish(): Promise<void> {
      finished = true;
      return enqueue(() => repos.drafts.clear(key));
    },
  };
}

export type EntryDraft = ReturnType<typeof createEntryDraft>;
