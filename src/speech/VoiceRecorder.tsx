/**
 * Recording one word in one language: tap the microphone, say the word, tap
 * stop (or it stops by itself after 10 s), listen, then keep it or record
 * again. The saved clip (if any) can be played or deleted here too.
 *
 * Every failure is shown in the dialog as pictograms + words and nothing is
 * saved: microphone refused, no microphone, no recording in this browser, a
 * recording that is empty or too short. Saving replaces the earlier clip of
 * the same word and language (same id, see src/domain/voiceClips.ts).
 */
import { createSignal, onCleanup, Show } from 'solid-js';
import { useApp } from '../core/context';
import { Dialog, PictoButton } from '../core/ui';
import { CLIP_PROBLEM_MESSAGE, clipProblem, MAX_CLIP_MS } from '../domain/voiceClips';
import { useI18n, type MessageKey } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { browserMedia, problemOf, RECORDER_PROBLEM_MESSAGE, startRecording, type ActiveRecording, type MediaDeps, type Recording } from './recorder';
import { playBlob } from '../core/speech/speech';
import { useSpeechOptional } from '../core/speech/SpeechProvider';
import './voices.css';

export interface VoiceRecorderProps {
  clipKey: string;
  lang: string;
  /** the word as the supervisor reads it (UI language) */
  word: string;
  /** the language's own name */
  languageName: string;
  pictogram: string;
  onClose: () => void;
  media?: MediaDeps;
}

type Phase = 'idle' | 'starting' | 'recording' | 'review' | 'saving';

export function VoiceRecorder(props: VoiceRecorderProps) {
  const app = useApp();
  const { t, formatNumber } = useI18n();
  const speech = useSpeechOptional();
  const wpId = () => app.workplaceId() ?? '';
  const saved = () => app.lookups.clip(props.clipKey, props.lang);

  const [phase, setPhase] = createSignal<Phase>('idle');
  const [problem, setProblem] = createSignal<{ key: MessageKey; pictogram: string } | null>(null);
  const [elapsed, setElapsed] = createSignal(0);
  const [take, setTake] = createSignal<Recording | null>(null);
  let active: ActiveRecording | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;

  onCleanup(() => {
    clearInterval(ticker);
    active?.stop();
  });

  const start = async () => {
    if (phase() === 'starting' || phase() === 'recording') return;
    speech?.stop();
    setProblem(null);
    setTake(null);
    setPhase('starting');
    try {
      active = await startRecording(props.media ?? browserMedia(), MAX_CLIP_MS);
    } catch (err) {
      const p = problemOf(err);
      setProblem({ key: RECORDER_PROBLEM_MESSAGE[p], pictogram: p === 'denied' || p === 'noMic' ? 'microphone' : 'warning' });
      setPhase('idle');
      return;
    }
    const began = Date.now();
    setElapsed(0);
    setPhase('recording');
    ticker = setInterval(() => setElapsed(Math.min(MAX_CLIP_MS, Date.now() - began)), 200);
    const current = active;
    try {
      const rec = await current.done;
      const bad = clipProblem({ durationMs: rec.durationMs, size: rec.audio.size });
      if (bad) {
        setProblem({ key: CLIP_PROBLEM_MESSAGE[bad], pictogram: 'warning' });
        setPhase('idle');
      } else {
        setTake(rec);
        setPhase('review');
      }
    } catch (err) {
      setProblem({ key: RECORDER_PROBLEM_MESSAGE[problemOf(err)], pictogram: 'warning' });
      setPhase('idle');
    } finally {
      clearInterval(ticker);
      if (active === current) active = undefined;
    }
  };

  const stop = () => active?.stop();

  const play = async (blob: Blob | undefined) => {
    speech?.stop();
    if (!blob || !(await playBlob(blob))) setProblem({ key: 'speech.error.cannotPlay', pictogram: 'warning' });
  };

  const playSaved = async () => {
    const [wp, key, lang] = [wpId(), props.clipKey, props.lang];
    const audio = await app.run(() => app.repos.voiceClips.audio(wp, key, lang));
    await play(audio);
  };

  const save = async () => {
    const rec = take();
    if (!rec || phase() === 'saving') return;
    setPhase('saving');
    const [wp, key, lang] = [wpId(), props.clipKey, props.lang];
    const ok = await app.run(() => app.repos.voiceClips.save(wp, { key, lang, audio: rec.audio, durationMs: rec.durationMs }));
    if (!ok) return setPhase('review');
    app.notify({ kind: 'success', pictogram: 'check', message: 'speech.clipSaved' });
    props.onClose();
  };

  const remove = async () => {
    const [wp, key, lang] = [wpId(), props.clipKey, props.lang];
    await app.run(() => app.repos.voiceClips.remove(wp, key, lang));
    app.notify({ kind: 'success', pictogram: 'trash', message: 'speech.clipDeleted' });
  };

  const seconds = () => formatNumber(Math.floor(elapsed() / 1000));

  return (
    <Dialog title={t('speech.recordTitle', { word: props.word })} pictogram="microphone" onClose={() => props.onClose()} class="voice-recorder">
      <div class="voice-recorder-body" data-speak-off="">
        <p class="voice-recorder-what">
          <Pictogram id={props.pictogram} class="voice-recorder-word-icon" />
          <span>
            <span class="voice-recorder-word">{props.word}</span>
            <span class="voice-recorder-lang" lang={props.lang}>
              {props.languageName}
            </span>
          </span>
        </p>
        <p class="hint">
          <Pictogram id="microphone" />
          <span>{t('speech.recordHint', { seconds: MAX_CLIP_MS / 1000 })}</span>
        </p>

        <Show when={problem()}>
          {(p) => (
            <p class="voice-recorder-problem" role="alert">
              <Pictogram id={p().pictogram} class="voice-recorder-problem-icon" />
              <Pictogram id="cancel" class="voice-recorder-problem-mark" />
              <span>{t(p().key)}</span>
            </p>
          )}
        </Show>

        <div class="voice-recorder-controls">
          <Show
            when={phase() === 'recording'}
            fallback={
              <PictoButton
                pictogram="microphone"
                label={take() || saved() ? t('speech.recordAgain') : t('speech.record')}
                variant="primary"
                size="large"
                disabled={phase() === 'starting' || phase() === 'saving'}
                onClick={() => void start()}
              />
            }
          >
            <PictoButton pictogram="stop" label={t('speech.stopRecording')} variant="danger" size="large" onClick={stop} />
            <p class="voice-recorder-timer" role="status">
              <span>{t('speech.recording', { seconds: seconds() })}</span>
              <span class="progress-bar" aria-hidden="true">
                <span style={{ width: `${(elapsed() / MAX_CLIP_MS) * 100}%` }} />
              </span>
            </p>
          </Show>
        </div>

        <Show when={take()}>
          {(rec) => (
            <section class="voice-recorder-take" aria-label={t('speech.newRecording')}>
              <h3>
                <Pictogram id="microphone" />
                <span>{t('speech.newRecording')}</span>
              </h3>
              <div class="row">
                <PictoButton pictogram="play" label={t('speech.play')} onClick={() => void play(rec().audio)} />
                <PictoButton pictogram="save" label={t('app.save')} variant="primary" disabled={phase() === 'saving'} onClick={() => void save()} />
              </div>
            </section>
          )}
        </Show>

        <Show when={saved() && !take()}>
          <section class="voice-recorder-saved" aria-label={t('speech.savedRecording')}>
            <h3>
              <Pictogram id="check" />
              <span>{t('speech.savedRecording')}</span>
            </h3>
            <div class="row">
              <PictoButton pictogram="play" label={t('speech.play')} onClick={() => void playSaved()} />
              <PictoButton pictogram="trash" label={t('speech.deleteClip')} variant="danger" onClick={() => void remove()} />
            </div>
          </section>
        </Show>
      </div>
    </Dialog>
  );
}
