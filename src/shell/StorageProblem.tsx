/** Shown instead of the board when IndexedDB cannot be opened. */
import { I18nProvider, useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';

function Message(props: { unavailable: boolean }) {
  const { t } = useI18n();
  return (
    <main class="storage-problem" role="alert">
      <Pictogram id="warning" size={128} />
      <h1>{t('error.title')}</h1>
      <p>{t(props.unavailable ? 'error.storageUnavailable' : 'error.generic')}</p>
    </main>
  );
}

export function StorageProblem(props: { unavailable: boolean; lang: string }) {
  return (
    <I18nProvider initial={props.lang}>
      <Message unavailable={props.unavailable} />
    </I18nProvider>
  );
}
