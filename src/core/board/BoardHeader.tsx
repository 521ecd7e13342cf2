/** The home board's top bar: date, workplace, language, supervisor lock, sync status. */
import { createSignal, For, Show, type JSX } from 'solid-js';
import { useApp } from '../context';
import { PinDialog } from '../PinDialog';
import { Dialog, PictoButton, PictoLink } from '../ui';
import { LANGUAGES, useI18n } from '../../i18n';
import { ACTIVITY_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { SyncStatus } from '../SyncStatus';
import { usePrefsOptional } from '../prefs';
import { effectivePicturesOnly, setPersonalPicturesOnly } from '../personal';
import { SpeakButton } from '../speech/SpeakButton';
import '../sync.css';
import './wall.css';

export function LanguageButton() {
  const app = useApp();
  const i18n = useI18n();
  const [open, setOpen] = createSignal(false);
  return (
    <>
      <PictoButton pictogram="language" label={i18n.language().name} aria-label={`${i18n.t('app.language')}: ${i18n.language().name}`} variant="ghost" onClick={() => setOpen(true)} />
      <Show when={open()}>
        <Dialog title={i18n.t('app.language')} pictogram="language" onClose={() => setOpen(false)}>
          <ul class="language-list">
            <For each={LANGUAGES}>
              {(l) => (
                <li>
                  <button
                    type="button"
                    class={`language-option ${l.code === i18n.lang() ? 'selected' : ''}`}
                    lang={l.code}
                    dir={l.dir}
                    aria-pressed={l.code === i18n.lang()}
                    onClick={() => {
                      i18n.setLang(l.code);
                      void app.run(() => app.repos.settings.set('language', l.code));
                      setOpen(false);
                    }}
                  >
                    {l.name}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Dialog>
      </Show>
    </>
  );
}

/**
 * Pictures only for me, for a while: a participant hides the words (or shows
 * them again) without the supervisor; the tablet's setting is back after
 * PERSONAL_MS (src/core/personal.ts).
 */
export function PicturesOnlyButton() {
  const { t } = useI18n();
  const prefs = usePrefsOptional();
  const on = () => effectivePicturesOnly(prefs?.prefs().picturesOnly ?? false);
  return (
    <PictoButton
      pictogram="photo"
      label={t('board.picturesOnly')}
      aria-pressed={on()}
      variant="ghost"
      class="pictures-only-toggle"
      onClick={() => setPersonalPicturesOnly(!on())}
    />
  );
}

export function SupervisorButton() {
  const app = useApp();
  const { t } = useI18n();
  const [asking, setAsking] = createSignal(false);
  return (
    <>
      <Show
        when={app.unlocked()}
        fallback={<PictoButton pictogram="lock" label={t('supervisor.unlock')} variant="ghost" onClick={() => setAsking(true)} />}
      >
        <PictoLink href="/meeting" pictogram="meeting" label={t('meeting.start')} variant="primary" class="start-meeting" />
        <PictoLink href="/supervisor" pictogram="settings" label={t('supervisor.manage')} variant="ghost" />
        <PictoButton pictogram="unlock" label={t('supervisor.lock')} variant="ghost" onClick={() => app.lock()} />
      </Show>
      <Show when={asking()}>
        <PinDialog onClose={() => setAsking(false)} />
      </Show>
    </>
  );
}

export function BoardHeader(props: { date: JSX.Element; status?: JSX.Element }) {
  const app = useApp();
  const { t } = useI18n();
  return (
    <header class="board-header">
      {props.date}
      <p class="workplace-name">
        <Show when={app.workplace()}>
          {(wp) => (
            <>
              <Pictogram id={ACTIVITY_PICTOGRAM[wp().activityType]} class="activity-icon" />
              <span>{wp().name}</span>
            </>
          )}
        </Show>
      </p>
      <Show when={app.workplace()?.demo}>
        <p class="demo-banner" role="note">
          {/* not the "i" of About: one pictogram, one meaning */}
          <Pictogram id="sparkles" />
          <span>{t('app.demoBanner', { pin: '1234' })}</span>
        </p>
      </Show>
      {/* a participant's own week (src/board/me) */}
      <PictoLink href="/me" pictogram="person" label={t('me.open')} class="my-page-link" />
      <div class="board-tools">
        {props.status ?? <SyncStatus />}
        <SpeakButton scope=".board" parts={['.board-date', 'main']} />
        <PicturesOnlyButton />
        <LanguageButton />
        <PictoLink href="/history" pictogram="calendar" label={t('history.open')} variant="ghost" />
        <PictoLink href="/about" pictogram="info" label={t('app.about')} variant="ghost" />
        <SupervisorButton />
      </div>
    </header>
  );
}
