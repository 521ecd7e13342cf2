/**
 * Joining a workplace with a pairing code: typed in, or opened from the QR
 * code (`/pair?code=…`). On success the device gets a token scoped to that
 * workplace, switches to it and pulls the board.
 */
import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { useApp } from '../core/context';
import { PictoButton, Screen } from '../core/ui';
import { useI18n, type MessageKey } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { createApi } from '../sync/api';
import { requestSync } from '../sync/runner';
import { apiErrorMessage, defaultDeviceName } from './SyncScreen';


export default function PairPage() {
  const app = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const initial = typeof params.code === 'string' ? params.code : '';
  const [code, setCode] = createSignal(initial.toUpperCase());
  const [error, setError] = createSignal<MessageKey | null>(null);
  const [busy, setBusy] = createSignal(false);

  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      const baseUrl = location.origin;
      const res = await createApi({ baseUrl }).pair(code().trim().toUpperCase(), defaultDeviceName());
      await app.repos.sync.setPairing({ baseUrl, workplaceId: res.workplace.id, token: res.token, deviceName: res.device.name });
      await app.setWorkplaceId(res.workplace.id);
      requestSync();
      app.notify({ kind: 'success', pictogram: 'synced', message: 'sync.joined', params: { name: res.workplace.name } });
      navigate('/');
    } catch (err) {
      setError(apiErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title={t('sync.joinTitle')} pictogram="qr-code" class="pair-screen">
      <form
        class="sync-card"
        onSubmit={(e) => {
          e.preventDefault();
          void join();
        }}
      >
        <p>{t('sync.joinText')}</p>
        <label class="field">
          <span>{t('sync.code')}</span>
          <input
            class="pairing-code-input"
            value={code()}
            autocomplete="off"
            autocapitalize="characters"
            maxLength={16}
            onInput={(e) => setCode(e.currentTarget.value.toUpperCase())}
          />
        </label>
        <Show when={error()}>
          {(e) => (
            <p class="form-error sync-error" role="alert">
              <Pictogram id="warning" />
              <span>{t(e())}</span>
            </p>
          )}
        </Show>
        <PictoButton pictogram="check" label={t('sync.join')} variant="primary" type="submit" disabled={busy() || code().trim().length < 6} />
      </form>
    </Screen>
  );
}
