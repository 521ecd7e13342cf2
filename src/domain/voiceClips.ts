/**
 * Recorded voice clips: what a clip says, its id, and whether a recording is
 * good enough to keep.
 *
 * A clip's `key` names the word it says, independent of language:
 * `pictogram:<id>` (a built-in pictogram's label), `message:<key>` (a UI
 * message such as a section title) or `person:<id>` (a person's name). One
 * clip exists per (workplace, key, language): its id is a name-based UUID (v5)
 * of the three, so re-recording replaces the clip instead of adding one, and
 * two tablets recording the same word at once merge into one row.
 *
 * Pure: no DOM, Dexie or Solid.
 */
import { v5 as uuidv5 } from 'uuid';
import { DomainError } from './errors';

export const VOICE_CLIP_ID_NAMESPACE = '6f0f3c1e-2b7a-4d0e-9c61-5a8f2e1d7b44';

/** A recording stops by itself after this long. */
export const MAX_CLIP_MS = 10_000;
/** Shorter than this is a slip of the finger, not a word. */
export const MIN_CLIP_MS = 400;
/** A container with no audio in it (WebM/Ogg header only) is about this small. */
export const MIN_CLIP_BYTES = 200;

export type ClipKeyKind = 'pictogram' | 'message' | 'person';

export function pictogramClipKey(id: string): string {
  return `pictogram:${id}`;
}

export function messageClipKey(key: string): string {
  return `message:${key}`;
}

export function personClipKey(personId: string): string {
  return `person:${personId}`;
}

/** Splits a clip key into its kind and the thing it names; null for anything else. */
export function parseClipKey(key: string): { kind: ClipKeyKind; ref: string } | null {
  const m = /^(pictogram|message|person):(.+)$/.exec(key);
  return m ? { kind: m[1] as ClipKeyKind, ref: m[2]! } : null;
}

export function voiceClipId(workplaceId: string, key: string, lang: string): string {
  return uuidv5(`voiceClip/${workplaceId}/${key}/${lang}`, VOICE_CLIP_ID_NAMESPACE);
}

export type ClipProblem = 'empty' | 'tooShort' | 'tooLong';

/** Why a recording cannot be kept, or null when it can. */
export function clipProblem(rec: { durationMs: number; size: number }): ClipProblem | null {
  if (rec.size <= 0) return 'empty';
  if (rec.durationMs < MIN_CLIP_MS || rec.size < MIN_CLIP_BYTES) return 'tooShort';
  // The recorder stops at MAX_CLIP_MS; allow for the stop event arriving late.
  if (rec.durationMs > MAX_CLIP_MS + 2_000) return 'tooLong';
  return null;
}

export const CLIP_PROBLEM_MESSAGE = {
  empty: 'speech.error.empty',
  tooShort: 'speech.error.tooShort',
  tooLong: 'speech.error.tooLong',
} as const satisfies Record<ClipProblem, string>;

/** Thrown by the repository when asked to keep a recording that `clipProblem` rejects. */
export class UnusableRecording extends DomainError {
  readonly key: string;
  constructor(readonly problem: ClipProblem) {
    super(`Recording rejected: ${problem}`);
    this.name = 'UnusableRecording';
    this.key = CLIP_PROBLEM_MESSAGE[problem];
  }
}
