/**
 * Unlocking supervisor mode: a big digit pad (no keyboard needed on a wall
 * tablet). Wrong PINs grow a lock-out (core/lockout.ts, shared with the
 * picture code); the remaining wait is shown and counted down.
 */
import { createSignal, For, Show } from 'solid-js';
import { useApp } from './context';
import { createLockoutCountdown } from './lockout';
import { Dialog, PictoButton } from './ui';
import { useI18n } from '../i18n';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export function PinDialog(props: { onClose: () => void; onUnlocked?: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const [pin, setPin] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [checking, setChecking] = createSignal(false);
  const countdown = createLockoutCountdown(app.clock);
  const waitSeconds = countdown.waitSeconds;

  const submit = async () => {
    if (pin().length < 4 || waitSeconds() > 0 || checking()) return;
    // Take the PIN and clear the pad at once: digits typed while the (slow,
    // PBKDF2) check runs belong to the next try and must not be wiped.
    const entered = pin();
    setPin('');
    setChecking(true);
    const result = await app.unlock(entered).finally(() => setChecking(false));
    if (result.ok) {
      app.notify({ kind: 'success', pictogram: 'unlock', message: 'supervisor.unlocked' });
      props.onUnlocked?.();
      props.onClose();
      return;
    }
    countdown.lockFor(result.lockedForMs);
    setError(result.lockedForMs > 0 ? 'locked' : 'wrong');
  };

  return (
    <Dialog title={t('supervisor.enterPin')} pictogram="lock" onClose={() => props.onClose()} class="pin-dialog" speakOff>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label class="pin-display">
          <span class="sr-only">{t('supervisor.enterPin')}</span>
          <input
            type="password"
            dir="ltr"
            inputmode="numeric"
            autocomplete="off"
            maxLength={8}
            value={pin()}
            onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8))}
            name="pin"
          />
        </label>
        <Show when={error()}>
          <p class="form-error" role="alert">
            {waitSeconds() > 0 ? t('supervisor.lockedOut', { seconds: waitSeconds() }) : t('supervisor.wrongPin')}
          </p>
        </Show>
        {/* keypads keep 1-2-3 left to right in every language, as on phones and card terminals */}
        <div class="pin-pad" dir="ltr">
          <For each={DIGITS}>
            {(d) => (
              <button
                type="button"
                class="pin-key"
                aria-label={t('supervisor.pinDigit', { digit: d })}
                disabled={waitSeconds() > 0}
                onClick={() => setPin((p) => (p.length < 8 ? p + d : p))}
              >
                {d}
              </button>
            )}
          </For>
          <PictoButton pictogram="back" label={t('supervisor.pinErase')} onClick={() => setPin((p) => p.slice(0, -1))} />
          <PictoButton pictogram="unlock" label={t('supervisor.unlock')} variant="primary" type="submit" disabled={pin().length < 4 || waitSeconds() > 0 || checking()} />
        </div>
      </form>
    </Dialog>
  );
}
