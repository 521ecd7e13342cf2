/**
 * "New version available" as a pictogram prompt. The new service worker only
 * takes over when someone taps Update, and the prompt stays hidden while a
 * form is being filled in (any focused input or an open dialog), so an update
 * never reloads the page under someone's fingers. "Calm" is looked at only
 * while an update waits: on focus changes and taps (what opens a form or a
 * dialog) and on the app clock's minute tick, never by polling.
 */
import { useRegisterSW } from 'virtual:pwa-register/solid';
import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import { useApp } from '../core/context';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { PictoButton } from '../core/ui';

function somethingBeingEntered(): boolean {
  const el = document.activeElement;
  const typing = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
  return typing || document.querySelector('[role="dialog"], [data-entering="true"]') !== null;
}

export function UpdatePrompt() {
  const { t } = useI18n();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisterError: (err) => console.warn('service worker registration failed', err),
  });
  const app = useApp();
  const [calm, setCalm] = createSignal(!somethingBeingEntered());
  const look = () => setCalm(!somethingBeingEntered());
  createEffect(() => {
    if (!needRefresh()) return;
    look();
    // after the tap's own handlers ran (a dialog opens or closes in them)
    const later = () => void setTimeout(look, 0);
    const events = ['focusin', 'focusout', 'pointerup', 'keyup'] as const;
    for (const e of events) document.addEventListener(e, later, true);
    onCleanup(() => {
      for (const e of events) document.removeEventListener(e, later, true);
    });
  });
  createEffect(on(app.now, () => needRefresh() && look(), { defer: true }));

  return (
    <Show when={needRefresh() && calm()}>
      <div class="update-prompt" role="status">
        <Pictogram id="sync" class="update-icon" />
        <p>{t('app.updateAvailable')}</p>
        <PictoButton pictogram="check" label={t('app.updateNow')} variant="primary" onClick={() => void updateServiceWorker(true)} />
        <PictoButton pictogram="close" label={t('app.updateLater')} variant="ghost" onClick={() => setNeedRefresh(false)} />
      </div>
    </Show>
  );
}
