/**
 * A banner for a page opened without a secure context: plain http at an
 * address that is not localhost, which is how a tablet on a local network
 * often first reaches the server. Tavla still works there (PIN hashing does
 * not need WebCrypto), but the browser refuses the service worker and the
 * install prompt, so the board is gone with the network. The banner says so
 * in pictures and words, with the fix (open the https:// address; IT sets it
 * up with docs/it-guide.md). It can be closed for this session; it comes back
 * after a reload because the problem is still there.
 */
import { createSignal, Show } from 'solid-js';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { PictoButton } from '../core/ui';

const DISMISS_KEY = 'tavla.insecureNotice.closed';

function dismissedThisSession(): boolean {
  try {
    return sessionStorage.getItem(DISMISS_KEY) === '1';
  } catch {
    return false;
  }
}

export function InsecureContextNotice(props: { secure?: boolean }) {
  const { t } = useI18n();
  const [closed, setClosed] = createSignal(dismissedThisSession());
  // (an environment that cannot tell, such as jsdom, counts as secure)
  const insecure = () => (props.secure ?? globalThis.isSecureContext ?? true) === false;
  const close = () => {
    setClosed(true);
    try {
      sessionStorage.setItem(DISMISS_KEY, '1');
    } catch {
      // private mode without storage: closed until the next reload
    }
  };
  return (
    <Show when={insecure() && !closed()}>
      <section class="insecure-notice" role="status" aria-labelledby="insecure-notice-title">
        <div class="insecure-notice-pictograms" aria-hidden="true">
          <Pictogram id="unlock" size={64} />
          <Pictogram id="offline" size={64} />
        </div>
        <div class="insecure-notice-text">
          <h2 id="insecure-notice-title">{t('secure.title')}</h2>
          <p>{t('secure.body')}</p>
          <p>{t('secure.fix')}</p>
        </div>
        <PictoButton pictogram="close" label={t('app.close')} variant="ghost" onClick={close} />
      </section>
    </Show>
  );
}
