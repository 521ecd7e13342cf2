/**
 * Recording a short clip from the microphone (getUserMedia + MediaRecorder).
 *
 * A recording stops by itself after MAX_CLIP_MS; the microphone is released
 * as soon as it stops (the tablet's mic light goes off). Every way this can
 * fail becomes a `RecorderError` with a problem the UI words and pictures:
 * permission denied, no microphone, no recording support, anything else.
 * The browser APIs are reached through `MediaDeps`, read at call time, so
 * tests install fakes.
 */
import { MAX_CLIP_MS } from '../domain/voiceClips';

export type RecorderProblem = 'denied' | 'noMic' | 'unsupported' | 'failed';

export const RECORDER_PROBLEM_MESSAGE = {
  denied: 'speech.error.micDenied',
  noMic: 'speech.error.noMic',
  unsupported: 'speech.error.unsupported',
  failed: 'speech.error.recordFailed',
} as const satisfies Record<RecorderProblem, string>;

export class RecorderError extends Error {
  constructor(readonly problem: RecorderProblem, cause?: unknown) {
    super(`Recording failed: ${problem}`);
    this.name = 'RecorderError';
    this.cause = cause;
  }
}

type RecorderCtor = {
  new (stream: MediaStream, options?: MediaRecorderOptions): MediaRecorder;
  isTypeSupported?(type: string): boolean;
};

export interface MediaDeps {
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  MediaRecorder?: RecorderCtor;
  now?: () => number;
}

export function browserMedia(): MediaDeps {
  const md = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  return {
    getUserMedia: md?.getUserMedia ? (c) => md.getUserMedia(c) : undefined,
    MediaRecorder: typeof MediaRecorder === 'undefined' ? undefined : MediaRecorder,
  };
}

/** Maps a getUserMedia failure to what the person can do about it. */
export function problemOf(err: unknown): RecorderProblem {
  if (err instanceof RecorderError) return err.problem;
  const name = (err as { name?: string })?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') return 'noMic';
  return 'failed';
}

/** The first container this browser records (Chrome/Firefox: WebM/Opus; Safari: MP4/AAC). */
export function pickMimeType(ctor: RecorderCtor): string | undefined {
  const candidates = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'];
  if (typeof ctor.isTypeSupported !== 'function') return undefined;
  return candidates.find((c) => {
    try {
      return ctor.isTypeSupported!(c);
    } catch {
      return false;
    }
  });
}

export interface Recording {
  audio: Blob;
  durationMs: number;
  mimeType: string;
}

export interface ActiveRecording {
  /** stops now; `done` then resolves */
  stop(): void;
  /** the recording, once stopped (by `stop()` or the time limit) */
  done: Promise<Recording>;
  maxMs: number;
}

export async function startRecording(deps: MediaDeps = browserMedia(), maxMs = MAX_CLIP_MS): Promise<ActiveRecording> {
  const { getUserMedia, MediaRecorder: Recorder } = deps;
  if (!getUserMedia || !Recorder) throw new RecorderError('unsupported');
  const now = deps.now ?? (() => performance.now());
  let stream: MediaStream;
  try {
    stream = await getUserMedia({ audio: true });
  } catch (err) {
    throw new RecorderError(problemOf(err), err);
  }
  const release = () => {
    for (const track of stream.getTracks()) {
      try {
        track.stop();
      } catch {
        /* already stopped */
      }
    }
  };
  const mimeType = pickMimeType(Recorder);
  let rec: MediaRecorder;
  try {
    rec = new Recorder(stream, mimeType ? { mimeType } : undefined);
  } catch (err) {
    release();
    throw new RecorderError('failed', err);
  }
  const chunks: Blob[] = [];
  let startedAt = now();
  const done = new Promise<Recording>((resolve, reject) => {
    rec.ondataavailable = (e: BlobEvent) => {
      if (e.data && e.data.size > 0) chunks.push(e.data);
    };
    rec.onstop = () => {
      clearTimeout(timer);
      release();
      const type = rec.mimeType || mimeType || chunks[0]?.type || 'audio/webm';
      resolve({ audio: new Blob(chunks, { type }), durationMs: Math.max(0, now() - startedAt), mimeType: type });
    };
    rec.onerror = (e: Event) => {
      clearTimeout(timer);
      release();
      reject(new RecorderError('failed', e));
    };
  });
  const stop = () => {
    clearTimeout(timer);
    if (rec.state === 'inactive') return;
    try {
      rec.stop();
    } catch {
      release();
    }
  };
  try {
    rec.start();
    startedAt = now();
  } catch (err) {
    release();
    throw new RecorderError('failed', err);
  }
  // Auto-stop at the limit. (Declared last: the handlers above only run after start.)
  const timer = setTimeout(stop, maxMs);
  return { stop, done, maxMs };
}
