/**
 * Supervisor screen for the server connection: connect this board (log in or
 * create an account, which claims the workplace made on this tablet so its
 * local data is uploaded, not discarded), pair another tablet with a code and
 * QR code, list and revoke devices, invite a colleague to sign up, log out,
 * disconnect.
 *
 * Logging out ends only the supervisor's session: the tablet's own device
 * token (the pairing) is a separate credential, so the board keeps syncing.
 */
import { createSignal, For, onCleanup, Show } from 'solid-js';
import { useApp } from '../core/context';
import { createLive } from '../core/live';
import { PictoButton, Screen, TitledSection } from '../core/ui';
import { useI18n, type MessageKey } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { ApiError, createApi, type InviteResponse } from '../sync/api';
import type { DeviceInfo, PairingCodeResponse } from '../sync/shared/protocol';
import { requestSync } from '../sync/runner';


/** The supervisor's server session lives only in memory: it is never stored on a shared tablet. */
const [session, setSession] = createSignal<string | null>(null);

/** `invited` tells a refused sign-up apart: without a code sign-up is closed, with one the code is bad. */
export function apiErrorMessage(err: unknown, signup?: { invited: boolean }): MessageKey {
  if (!(err instanceof ApiError)) return 'error.generic';
  if (signup && err.code === 'forbidden') return signup.invited ? 'sync.error.inviteInvalid' : 'sync.error.signupClosed';
  switch (err.code) {
    case 'network':
    case 'unavailable':
      return 'sync.error.serverDown';
    case 'unauthorized':
      return 'sync.error.login';
    case 'conflict':
      return 'sync.error.conflict';
    case 'pairing_expired':
      return 'sync.error.codeExpired';
    case 'pairing_used':
      return 'sync.error.codeUsed';
    case 'pairing_invalid':
      return 'sync.error.codeInvalid';
    case 'rate_limited':
      return 'sync.error.rateLimited';
    case 'bad_request':
      return 'sync.error.badInput';
    default:
      return 'error.generic';
  }
}

export function defaultDeviceName(): string {
  const ua = navigator.userAgent;
  return /iPad|Tablet|Android/i.test(ua) ? 'Tablet' : /Mobile/i.test(ua) ? 'Phone' : 'Computer';
}

export default function SyncScreen() {
  const app = useApp();
  const { t, formatDate, formatNumber } = useI18n();
  const pairing = createLive(() => true, () => app.repos.sync.pairing(), null);
  const refused = createLive(() => app.workplaceId(), (wp) => app.repos.sync.rejected(wp), []);
  const [baseUrl, setBaseUrl] = createSignal(location.origin);
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [invite, setInvite] = createSignal('');
  const [invitation, setInvitation] = createSignal<InviteResponse | null>(null);
  const [error, setError] = createSignal<MessageKey | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [code, setCode] = createSignal<PairingCodeResponse | null>(null);
  const [devices, setDevices] = createSignal<DeviceInfo[]>([]);
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(tick));

  const api = () => createApi({ baseUrl: pairing()?.baseUrl ?? baseUrl() });

  async function attempt(action: () => Promise<void>, signup?: { invited: boolean }) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      console.warn(err);
      // a refusal after the account exists (claiming the workplace) is not about the invite
      setError(apiErrorMessage(err, session() ? undefined : signup));
    } finally {
      setBusy(false);
    }
  }

  const signIn = (create: boolean) =>
    attempt(
      async () => {
        const s = create ? await api().signup(email().trim(), password(), invite().trim()) : await api().login(email().trim(), password());
        setSession(s.token);
        setPassword('');
        setInvite('');
        const wp = app.workplace();
        if (!pairing() && wp) {
          const device = await api().claimWorkplace(s.token, wp.id, wp.name, defaultDeviceName());
          await app.repos.sync.setPairing({ baseUrl: baseUrl(), workplaceId: wp.id, token: device.token, deviceName: device.device.name });
          requestSync();
          app.notify({ kind: 'success', pictogram: 'synced', message: 'sync.connected' });
        }
        await loadDevices();
      },
      create ? { invited: invite().trim() !== '' } : undefined,
    );

  async function loadDevices() {
    const s = session();
    const wp = app.workplaceId();
    if (!s || !wp) return;
    setDevices(await api().devices(s, wp));
  }

  const newCode = () =>
    attempt(async () => {
      const s = session();
      const wp = app.workplaceId();
      if (!s || !wp) return;
      setCode(await api().createPairingCode(s, wp));
    });

  const revoke = (id: string) =>
    attempt(async () => {
      const s = session();
      if (!s) return;
      await api().revokeDevice(s, id);
      await loadDevices();
    });

  const inviteColleague = () =>
    attempt(async () => {
      const s = session();
      if (!s) return;
      setInvitation(await api().createInvite(s));
    });

  /** Forgets the session, codes and device list; the pairing (the tablet's own token) stays. */
  const logout = (everywhere: boolean) =>
    attempt(async () => {
      const s = session();
      if (!s) return;
      await api().logout(s, everywhere);
      setSession(null);
      setInvitation(null);
      setCode(null);
      setDevices([]);
      app.notify({ kind: 'success', pictogram: 'lock', message: 'sync.loggedOut' });
    });

  const disconnect = () => void app.run(() => app.repos.sync.setPairing(null));
  const secondsLeft = () => {
    const c = code();
    return c ? Math.max(0, Math.round((Date.parse(c.expiresAt) - now()) / 1000)) : 0;
  };

  return (
    <Screen title={t('sync.title')} pictogram="sync" class="sync-screen">
      <Show when={error()}>
        {(e) => (
          <p class="form-error sync-error" role="alert">
            <Pictogram id={e() === 'sync.error.signupClosed' || e() === 'sync.error.inviteInvalid' ? 'lock' : 'warning'} />
            <span>{t(e())}</span>
          </p>
        )}
      </Show>
      <Show when={!session()}>
        <TitledSection id="sync-login-title" pictogram="person" title={pairing() ? t('sync.loginToPair') : t('sync.connectTitle')} class="sync-card" iconClass="title-icon">
          <Show when={!pairing()}>
            <p>{t('sync.connectText')}</p>
            <label class="field">
              <span>{t('sync.serverAddress')}</span>
              <input type="url" value={baseUrl()} onInput={(e) => setBaseUrl(e.currentTarget.value.replace(/\/$/, ''))} />
            </label>
          </Show>
          <label class="field">
            <span>{t('sync.email')}</span>
            <input type="email" autocomplete="username" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('sync.password')}</span>
            <input type="password" autocomplete="current-password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
          </label>
          <label class="field invite-field">
            <span>
              <Pictogram id="key" />
              {t('sync.inviteCode')}
            </span>
            <input type="text" autocomplete="off" autocapitalize="off" spellcheck={false} value={invite()} onInput={(e) => setInvite(e.currentTarget.value)} />
          </label>
          <div class="row">
            <PictoButton pictogram="unlock" label={t('sync.login')} variant="primary" disabled={busy()} onClick={() => void signIn(false)} />
            <PictoButton pictogram="plus" label={t('sync.createAccount')} disabled={busy()} onClick={() => void signIn(true)} />
          </div>
        </TitledSection>
      </Show>
      <Show when={session()}>
        <TitledSection id="sync-session-title" pictogram="person" title={t('sync.signedIn')} class="sync-card" iconClass="title-icon">
          <div class="row">
            <PictoButton pictogram="people" label={t('sync.inviteColleague')} disabled={busy()} onClick={() => void inviteColleague()} />
            <PictoButton pictogram="lock" label={t('sync.logout')} disabled={busy()} onClick={() => void logout(false)} />
            <PictoButton pictogram="lock" label={t('sync.logoutEverywhere')} variant="danger" disabled={busy()} onClick={() => void logout(true)} />
          </div>
          <Show when={invitation()}>
            {(inv) => (
              <div class="invite-code" aria-live="polite">
                <p class="invite-code-text">{inv().code}</p>
                <p>{t('sync.inviteValidUntil', { date: formatDate(new Date(inv().expiresAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
              </div>
            )}
          </Show>
        </TitledSection>
      </Show>
      <Show when={pairing()}>
        {(p) => (
          <TitledSection id="sync-paired-title" pictogram="synced" title={t('sync.connectedTo', { server: p().baseUrl })} class="sync-card" iconClass="title-icon">
            <div class="row">
              <Show when={session()}>
                <PictoButton pictogram="qr-code" label={t('sync.pairTablet')} variant="primary" disabled={busy()} onClick={() => void newCode()} />
              </Show>
              <PictoButton pictogram="close" label={t('sync.disconnect')} variant="danger" onClick={disconnect} />
            </div>
            <Show when={refused().length > 0}>
              <div class="sync-refused" role="status">
                <p class="form-error">
                  <Pictogram id="warning" />
                  <span>{t('sync.refused', { count: refused().length })}</span>
                </p>
                <PictoButton
                  pictogram="sync"
                  label={t('sync.retryRefused')}
                  onClick={() =>
                    void app.run(async () => {
                      const wp = app.workplaceId();
                      if (wp) await app.repos.sync.retryRejected(wp);
                      requestSync();
                    })
                  }
                />
              </div>
            </Show>
            <Show when={code()}>
              {(c) => (
                <div class="pairing-code" aria-live="polite">
                  <Show when={secondsLeft() > 0} fallback={<p class="form-error">{t('sync.error.codeExpired')}</p>}>
                    <img class="pairing-qr" alt={t('sync.qrAlt', { code: c().code })} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(c().qrSvg)}`} />
                    <p class="pairing-code-text">{c().code}</p>
                    <p>{t('sync.codeExpiresIn', { minutes: Math.floor(secondsLeft() / 60), seconds: formatNumber(secondsLeft() % 60, { minimumIntegerDigits: 2 }) })}</p>
                  </Show>
                </div>
              )}
            </Show>
            <Show when={devices().length > 0}>
              <h3>{t('sync.devices')}</h3>
              <ul class="device-list">
                <For each={devices()}>
                  {(d) => (
                    <li>
                      <Pictogram id="tablet" />
                      <span>
                        {d.name}
                        <Show when={d.lastSeen}>{(seen) => <> · {formatDate(new Date(seen()), { dateStyle: 'short', timeStyle: 'short' })}</>}</Show>
                      </span>
                      <Show when={!d.revokedAt} fallback={<span class="revoked">{t('sync.revoked')}</span>}>
                        <PictoButton pictogram="trash" label={t('sync.revoke', { name: d.name })} size="small" onClick={() => void revoke(d.id)} />
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </TitledSection>
        )}
      </Show>
    </Screen>
  );
}
