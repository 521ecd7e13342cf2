/**
 * One-tap check-in with an undo per person. The home board and the
 * attendance screen share it: a tap on a face checks that person in, and the
 * face itself becomes the confirmation (the face with ✓) and carries its own
 * undo for UNDO_MS. Two quick check-ins each keep their undo: nothing is
 * replaced by the next person's tap, unlike one shared notice.
 *
 * The person's name is spoken: by the tap itself (speak-on-tap finds the
 * face), or here when speak-on-tap is turned off.
 *
 * The face turns into its confirmation in the same frame as the tap, with
 * the status the write is storing, while that one transaction commits: the
 * tap never waits for the database. Until it has committed the confirmation
 * is marked busy, its words ("Welcome, …") wait for the save and its undo is
 * refused; if the write fails, the face goes back to the untapped face at
 * once and the error notice says so (app.run) — a check-in that was not
 * saved never stays on screen. The sound ("saved") plays when it is saved.
 *
 * The undo is refused for the first GUARD_MS (a double tap on one's own
 * face must not take the check-in back), and the tap's sound is played here
 * because the confirmation is not a notice.
 */
import { batch, createSignal, onCleanup, type Accessor } from 'solid-js';
import { useApp } from '../context';
import { usePrefsOptional } from '../prefs';
import { playConfirmation } from '../sound';
import { useSpeechOptional } from '../speech/SpeechProvider';
import type { AttendanceStatus, Person } from '../../domain/types';
import { checkInStatus, isHere } from '../../domain/attendance';
import { ATTENDANCE_PICTOGRAM } from '../../pictograms/catalog';

/** How long a check-in can be undone on the face. */
export const UNDO_MS = 10_000;
/** The first moments after a check-in, when a tap on the undo is taken for a double tap and ignored. */
export const GUARD_MS = 700;

export interface RecentCheckIn {
  personId: string;
  status: 'present' | 'late';
  /** app clock time of the check-in */
  at: number;
  /** the day it was made for (undo takes back exactly that mark) */
  date: string;
  /** true while the check-in's write has not committed yet (shown already, see the header) */
  saving?: boolean;
}

export interface CheckIns {
  /** check-ins that can still be undone, by person id */
  recent: Accessor<ReadonlyMap<string, RecentCheckIn>>;
  /** whether the undo of this person's check-in still waits out the double-tap guard */
  guarded: (personId: string) => boolean;
  checkIn: (p: Person) => Promise<void>;
  undo: (p: Person) => Promise<void>;
}

export function createCheckIns(statusOf: (p: Person) => AttendanceStatus | null): CheckIns {
  const app = useApp();
  const prefs = usePrefsOptional();
  const speech = useSpeechOptional();
  const [recent, setRecent] = createSignal<ReadonlyMap<string, RecentCheckIn>>(new Map());
  const [guard, setGuard] = createSignal<ReadonlySet<string>>(new Set());
  const timers = new Map<string, ReturnType<typeof setTimeout>[]>();
  onCleanup(() => {
    for (const ts of timers.values()) ts.forEach(clearTimeout);
    timers.clear();
  });

  const forget = (personId: string) => {
    timers.get(personId)?.forEach(clearTimeout);
    timers.delete(personId);
    setRecent((m) => {
      const next = new Map(m);
      next.delete(personId);
      return next;
    });
    setGuard((s) => {
      const next = new Set(s);
      next.delete(personId);
      return next;
    });
  };

  const sound = (kind: 'success' | 'info') => {
    if (prefs?.prefs().sounds ?? true) playConfirmation(kind);
  };

  const checkIn = async (p: Person) => {
    const wp = app.workplace();
    if (!wp) return;
    const current = statusOf(p);
    if (current && isHere(current)) {
      if (!recent().has(p.id)) app.notify({ kind: 'info', pictogram: ATTENDANCE_PICTOGRAM.present, message: 'attendance.alreadyHere', params: { name: p.firstName } });
      return;
    }
    if (recent().get(p.id)?.saving) return; // this face's check-in is being saved
    const date = app.today();
    const at = app.clock.now();
    // shown at once, in the status the repository stores for this instant (domain/attendance.ts); the undo waits for the save
    // one update of the faces in the tap's frame, not four
    batch(() => {
      forget(p.id);
      setRecent((m) => new Map(m).set(p.id, { personId: p.id, status: checkInStatus(at, wp.openingTime), at, date, saving: true }));
      setGuard((s) => new Set(s).add(p.id));
    });
    const mark = await app.run(() => app.repos.attendance.checkIn(wp.id, p.id, date, wp.openingTime, at));
    const shown = recent().get(p.id);
    if (!mark) {
      // not saved: the confirmation goes (app.run has shown the error notice)
      if (shown?.at === at) forget(p.id);
      return;
    }
    if (shown?.at !== at) return; // the screen has moved on (its owner cleaned up)
    const status = mark.status === 'late' ? 'late' : 'present';
    setRecent((m) => new Map(m).set(p.id, { personId: p.id, status, at, date }));
    timers.set(p.id, [
      setTimeout(() => setGuard((s) => {
        const next = new Set(s);
        next.delete(p.id);
        return next;
      }), GUARD_MS),
      setTimeout(() => forget(p.id), UNDO_MS),
    ]);
    sound('success');
    // the tap on a face already says the name (speak-on-tap); with that turned off, the welcome still does
    if (prefs && !prefs.prefs().speakOnTap) void speech?.speakPerson(p).catch(() => undefined);
  };

  const undo = async (p: Person) => {
    const wp = app.workplace();
    const r = recent().get(p.id);
    if (!wp || !r || r.saving || guard().has(p.id)) return;
    forget(p.id);
    const ok = await app.run(async () => {
      await app.repos.attendance.undoCheckIn(wp.id, p.id, r.date);
      return true;
    });
    if (ok) sound('info');
  };

  return { recent, guarded: (id) => guard().has(id), checkIn, undo };
}
