/**
 * Workplace-scoped lookups every feature shares: the people by id and the
 * index of recorded voice clips. Each is one live query for the whole app,
 * opened the first time something asks and kept for the app's life (owned
 * by the app store, not by the screen that asked first), so speech, the
 * board and the Voices screen read the same list instead of each opening
 * their own. Per-screen ranges (the meeting days of a month) are live
 * queries of the asking screen, narrowed by the index.
 */
import { createMemo, getOwner, runWithOwner, type Accessor } from 'solid-js';
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
  const owner = getOwner();
  /** Builds on first use, under the app's owner so it outlives the screen that asked. */
  function shared<T>(make: () => T): () => T {
    let value: T | undefined;
    return () => (value ??= owner ? runWithOwner(owner, make)! : make());
  }
  const people = shared(() => {
    const list = createLive(workplaceId, (id) => repos.persons.list(id), [] as Person[]);
    const byId = createMemo(() => new Map(list().map((p) => [p.id, p])));
    return { list, byId };
  });
  const clips = shared(() => {
    const list = createLive(workplaceId, (id) => repos.voiceClips.list(id), [] as VoiceClip[]);
    const byId = createMemo(() => new Map(list().map((c) => [clipId(c.key, c.lang), c])));
    return { list, byId };
  });
  const liveOf = <T,>(get: () => Live<T>): Live<T> => {
    const live = (() => get()()) as Live<T>;
    live.ready = () => get().ready();
    return live;
  };
  return {
    people: liveOf(() => people().list),
    person: (id) => people().byId().get(id),
    peopleById: () => people().byId(),
    clips: liveOf(() => clips().list),
    clip: (key, lang) => clips().byId().get(clipId(key, lang)),
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
