/**
 * Workplace-scoped lookups every feature shares: the people by id and the
 * index of recorded voice clips. Each is one live query for the whole app,
 * opened with the app store and kept for its life, so speech, the board and
 * the Voices screen read the same list instead of each opening their own
 * (and a screen's people are there before its sections arrive). Per-screen
 * ranges (the meeting days of a month) are live queries of the asking
 * screen, narrowed by the index.
 */
import { createMemo, type Accessor } from 'solid-js';
import type { Repositories } from '../data';
import type { Iso, Person, VoiceClip } from '../domain/types';
import { createLive, type Live } from './live';

const clipId = (key: string, lang: string) => `${lang}\u0000${key}`;

export interface WorkplaceLookups {
  /** The workplace's active people, in board order. */
  people: Live<Person[]>;
  person(id: string): Person | undefined;
  peopleById: Accessor<ReadonlyMap<string, Person>>;
  clips: Live<VoiceClip[]>;
  /** The recorded clip of a word in a language, without a database read. */
  clip(key: string, lang: string): VoiceClip | undefined;
  /** Days with a meeting between `range().from` and `range().to` (inclusive), as a live set. */
  meetingDays(range: Accessor<{ from: Iso; to: Iso } | null>): Live<Set<Iso>>;
}

export function createWorkplaceLookups(repos: Repositories, workplaceId: Accessor<string | null>): WorkplaceLookups {
  const people = createLive(workplaceId, (id) => repos.persons.list(id), [] as Person[]);
  const peopleById = createMemo(() => new Map(people().map((p) => [p.id, p])));
  const clips = createLive(workplaceId, (id) => repos.voiceClips.list(id), [] as VoiceClip[]);
  const clipsById = createMemo(() => new Map(clips().map((c) => [clipId(c.key, c.lang), c])));
  return {
    people,
    person: (id) => peopleById().get(id),
    peopleById,
    clips,
    clip: (key, lang) => clipsById().get(clipId(key, lang)),
    meetingDays(range) {
      const days = createLive(
        () => {
          const id = workplaceId();
          const r = range();
          return id && r ? { id, ...r } : null;
        },
        (q) => repos.meetings.datesBetween(q.id, q.from, q.to),
        [] as Iso[],
      );
      const set = createMemo(() => new Set(days()));
      return Object.assign(set, { ready: days.ready });
    },
  };
}
