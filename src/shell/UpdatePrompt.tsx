/**
 * "New version available" as a pictogram prompt. The new service worker only
 * takes over when someone taps Update, and the prompt stays hidden while a
 * form is being filled in (any focused input or an open dialog), so an update
 * never reloads the page under someone's fingers.
 */
import { useRegisterSW } from 'virtual:pwa-register/solid';
import { createSignal, onCleanup, Show } from 'solid-js';
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
  const [calm, setCalm] = createSignal(!somethingBeingEntered());
  const timer = setInterval(() => setCalm(!somethingBeingEntered()), 1000);
  onCleanup(() => clearInterval(timer));

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
