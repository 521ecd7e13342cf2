/**
 * The supervisor's "Voices" screen: this device's speech settings, which
 * languages have a synthetic voice here, and recorded clips per word and
 * language — people's names, the board's words (section titles, statuses,
 * categories; any message by search) and the pictograms.
 *
 * A language without a voice on this tablet (often Somali and Tigrinya) is
 * marked, so the supervisor knows which words to record. The list itself is
 * quiet (`data-speak-off`): speak-on-tap would talk over a recording.
 */
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { useApp } from '../core/context';
import { AdminScreen, AdminSection, ConfirmDialog, useWorkplaceId } from '../core/admin';
import { EmptyNote, FaceImage, PictoButton } from '../core/ui';
import type { Person } from '../domain/types';
import { messageClipKey, personClipKey, pictogramClipKey } from '../domain/voiceClips';
import { LANGUAGES, languageName, useI18n, type MessageKey } from '../i18n';
import sv from '../i18n/sv';
import pictogramsSv from '../i18n/pictograms.sv';
import {
  ATTENDANCE_PICTOGRAM,
  DEVIATION_PICTOGRAM,
  PDCA_PICTOGRAM,
  PICTOGRAM_IDS,
  SECTION_PICTOGRAM,
  DEVIATION_STATUS_PICTOGRAM,
} from '../pictograms/catalog';
import { Pictogram } from '../pictograms/Pictogram';
import { playBlob } from '../core/speech/speech';
import { SpeechSettings } from './SpeechSettings';
import { useSpeech } from '../core/speech/SpeechProvider';
import { VoiceRecorder } from './VoiceRecorder';
import './voices.css';
import { normalizeWord, plainMessageKeys, wordIn } from '../core/speech/words';

type Tab = 'people' | 'words' | 'pictograms';

interface Entry {
  clipKey: string;
  label: string;
  pictogram: string;
  person?: Person;
}

/** The words listed before any search: what participants hear most. */
const CORE_WORD_PREFIXES = ['section.', 'status.', 'deviation.category.', 'deviation.status.', 'improvement.status.'];

const PAGE = 40;

/** The pictogram that goes with a message key, where the board shows one. */
function wordPictogram(key: string): string {
  const [group, ...rest] = key.split('.');
  const last = rest[rest.length - 1] ?? '';
  const pick = (map: Record<string, string>) => map[last] ?? 'message';
  if (group === 'section') return pick(SECTION_PICTOGRAM);
  if (group === 'status') return last === 'none' ? 'question' : pick(ATTENDANCE_PICTOGRAM);
  if (key.startsWith('deviation.category.')) return pick(DEVIATION_PICTOGRAM);
  if (key.startsWith('deviation.status.')) return pick(DEVIATION_STATUS_PICTOGRAM);
  if (key.startsWith('improvement.status.')) return pick(PDCA_PICTOGRAM);
  return 'message';
}

/** Whether any of the texts contains the (normalised) query; an empty query matches all. */
function matches(query: string, texts: readonly (string | undefined)[]): boolean {
  return !query || texts.some((x) => x && normalizeWord(x).includes(query));
}

const svMessages = sv as Record<string, string>;
const PLAIN_MESSAGE_KEYS = plainMessageKeys(sv);
const svPictograms = pictogramsSv as Record<string, string>;

export default function VoicesAdmin() {
  const app = useApp();
  const { t, pl, lang } = useI18n();
  const speech = useSpeech();
  const wpId = useWorkplaceId();
  const people = app.lookups.people;
  const clips = app.lookups.clips;

  /** The UI languages, then any other language someone here prefers. */
  const languages = createMemo(() => {
    const codes = LANGUAGES.map((l) => l.code);
    for (const p of people()) if (p.language && !codes.includes(p.language)) codes.push(p.language);
    return codes;
  });
  const nameOf = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? languageName(code);
  const [voiceFound] = createResource(languages, async (codes) => {
    const found = await Promise.all(codes.map(async (c) => [c, await speech.hasVoice(c)] as const));
    return Object.fromEntries(found) as Record<string, boolean>;
  });

  const [recLang, setRecLang] = createSignal(lang());
  const [tab, setTab] = createSignal<Tab>('words');
  const [query, setQuery] = createSignal('');
  const [limit, setLimit] = createSignal(PAGE);
  const [recordFor, setRecordFor] = createSignal<Entry | null>(null);
  const [deleteFor, setDeleteFor] = createSignal<Entry | null>(null);

  const hasClip = (key: string, code: string) => app.lookups.clip(key, code) !== undefined;
  const countIn = (code: string) => clips().filter((c) => c.lang === code).length;

  const entries = createMemo((): Entry[] => {
    const q = normalizeWord(query());
    switch (tab()) {
      case 'people':
        return people()
          .filter((p) => matches(q, [p.firstName]))
          .map((p) => ({ clipKey: personClipKey(p.id), label: p.firstName, pictogram: 'person', person: p }));
      case 'words': {
        const keys = q
          ? PLAIN_MESSAGE_KEYS.filter((k) => matches(q, [t(k), svMessages[k]]))
          : PLAIN_MESSAGE_KEYS.filter((k) => CORE_WORD_PREFIXES.some((p) => k.startsWith(p)));
        return keys.map((k: MessageKey) => ({ clipKey: messageClipKey(k), label: t(k), pictogram: wordPictogram(k) }));
      }
      case 'pictograms':
        return PICTOGRAM_IDS.filter((id) => matches(q, [pl(id), svPictograms[id], id])).map((id) => ({
          clipKey: pictogramClipKey(id),
          label: pl(id),
          pictogram: id,
        }));
    }
  });

  const play = async (e: Entry) => {
    speech.stop();
    const [wp, code] = [wpId(), recLang()];
    const audio = await app.run(() => app.repos.voiceClips.audio(wp, e.clipKey, code));
    if (!audio || !(await playBlob(audio))) app.notify({ kind: 'error', pictogram: 'mute', message: 'speech.error.cannotPlay' });
  };

  const remove = async (e: Entry) => {
    setDeleteFor(null);
    const [wp, code] = [wpId(), recLang()];
    await app.run(() => app.repos.voiceClips.remove(wp, e.clipKey, code));
    app.notify({ kind: 'success', pictogram: 'trash', message: 'speech.clipDeleted' });
  };

  const tabs: { id: Tab; label: MessageKey; pictogram: string }[] = [
    { id: 'words', label: 'speech.words', pictogram: 'message' },
    { id: 'people', label: 'speech.people', pictogram: 'people' },
    { id: 'pictograms', label: 'speech.pictograms', pictogram: 'photo' },
  ];

  return (
    <AdminScreen title={t('speech.voices')} pictogram="microphone" class="voices-admin">
      <SpeechSettings />

      <AdminSection id="voices-languages-title" pictogram="language" title={t('speech.languages')}>
        <p class="hint">
          <Pictogram id="microphone" />
          <span>{t('speech.recordLanguage')}</span>
        </p>
        <ul class="voices-languages" role="list">
          <For each={languages()}>
            {(code) => {
              const voiced = () => voiceFound()?.[code];
              return (
                <li>
                  <button
                    type="button"
                    class={`voices-language ${recLang() === code ? 'selected' : ''}`}
                    aria-pressed={recLang() === code}
                    onClick={() => {
                      setRecLang(code);
                    }}
                  >
                    <span class="voices-language-name" lang={code}>
                      {nameOf(code)}
                    </span>
                    <span class="voices-language-state">
                      <Pictogram id={voiced() ? 'speaker' : 'mute'} class="voices-language-icon" />
                      <span>{voiced() === undefined ? '' : voiced() ? t('speech.voiceAvailable') : t('speech.voiceMissing')}</span>
                    </span>
                    <span class="voices-language-count">{t('speech.clipCount', { count: countIn(code) })}</span>
                  </button>
                </li>
              );
            }}
          </For>
        </ul>
      </AdminSection>

      <AdminSection id="voices-words-title" pictogram="microphone" title={<>{t('speech.recordLanguage')} {nameOf(recLang())}</>} speakOff>
        <div class="supervisor-choice-row">
          <For each={tabs}>
            {(tb) => (
              <PictoButton
                pictogram={tb.pictogram}
                label={t(tb.label)}
                aria-pressed={tab() === tb.id}
                variant={tab() === tb.id ? 'primary' : 'secondary'}
                onClick={() => {
                  setTab(tb.id);
                  setLimit(PAGE);
                }}
              />
            )}
          </For>
        </div>
        <label class="field voices-search">
          <span class="tavla-field-label">
            <Pictogram id="search" class="tavla-field-icon" />
            <span>{t('speech.search')}</span>
          </span>
          <input
            type="search"
            value={query()}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setLimit(PAGE);
            }}
          />
        </label>
        <Show when={entries().length > 0} fallback={<EmptyNote pictogram="microphone" text={t('speech.noMatches')} />}>
          <ul class="supervisor-list voices-list" role="list">
            <For each={entries().slice(0, limit())}>
              {(e) => (
                <VoiceRow
                  entry={e}
                  lang={recLang()}
                  recorded={hasClip(e.clipKey, recLang())}
                  onPlay={() => void play(e)}
                  onRecord={() => setRecordFor(e)}
                  onDelete={() => setDeleteFor(e)}
                />
              )}
            </For>
          </ul>
          <Show when={entries().length > limit()}>
            <PictoButton pictogram="down" label={t('speech.showMore')} onClick={() => setLimit((n) => n + PAGE)} />
          </Show>
        </Show>
      </AdminSection>

      <Show when={recordFor()}>
        {(e) => (
          <VoiceRecorder
            clipKey={e().clipKey}
            lang={recLang()}
            word={e().label}
            languageName={nameOf(recLang())}
            pictogram={e().pictogram}
            onClose={() => setRecordFor(null)}
          />
        )}
      </Show>
      <Show when={deleteFor()}>
        {(e) => (
          <ConfirmDialog
            title={t('speech.deleteClip')}
            pictogram="trash"
            message={t('speech.deleteConfirm', { word: e().label })}
            confirmLabel={t('speech.deleteClip')}
            onConfirm={() => remove(e())}
            onClose={() => setDeleteFor(null)}
          />
        )}
      </Show>
    </AdminScreen>
  );
}

function VoiceRow(props: { entry: Entry; lang: string; recorded: boolean; onPlay: () => void; onRecord: () => void; onDelete: () => void }) {
  const { t, lang } = useI18n();
  // The word as the recording language says it, to read from while recording.
  const [inLang] = createResource(
    () => (props.lang === lang() || props.entry.person ? null : ([props.entry.clipKey, props.lang] as const)),
    ([key, code]) => wordIn(key, code),
  );
  return (
    <li class="supervisor-row voice-row" data-clip-key={props.entry.clipKey}>
      <Show when={props.entry.person} fallback={<Pictogram id={props.entry.pictogram} class="supervisor-row-icon" />}>
        {(p) => <FaceImage person={p()} />}
      </Show>
      <span class="supervisor-row-text">
        <span class="supervisor-row-title">{props.entry.label}</span>
        <span class="supervisor-row-detail">
          <Show when={inLang() && inLang() !== props.entry.label}>
            <span lang={props.lang} class="voice-row-word">
              {inLang()}
            </span>
          </Show>
          <Pictogram id={props.recorded ? 'check' : 'mute'} class="voice-row-state-icon" />
          <span>{props.recorded ? t('speech.recorded') : t('speech.notRecorded')}</span>
        </span>
      </span>
      <span class="supervisor-row-actions">
        <Show when={props.recorded}>
          <PictoButton pictogram="play" label={t('speech.play')} aria-label={`${t('speech.play')}: ${props.entry.label}`} onClick={() => props.onPlay()} />
        </Show>
        <PictoButton
          pictogram="microphone"
          label={props.recorded ? t('speech.recordAgain') : t('speech.record')}
          aria-label={`${props.recorded ? t('speech.recordAgain') : t('speech.record')}: ${props.entry.label}`}
          variant="primary"
          onClick={() => props.onRecord()}
        />
        <Show when={props.recorded}>
          <PictoButton
            pictogram="trash"
            label={t('speech.deleteClip')}
            aria-label={`${t('speech.deleteClip')}: ${props.entry.label}`}
            variant="danger"
            onClick={() => props.onDelete()}
          />
        </Show>
      </span>
    </li>
  );
}
