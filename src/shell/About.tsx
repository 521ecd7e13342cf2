/**
 * About Tavla: what it is, which version runs, and where the pictograms come
 * from with their licences (the attribution their licences ask for).
 */
import { For, Show } from 'solid-js';
import { useI18n } from '../i18n';
import { PICTOGRAM_CREDITS } from '../pictograms/credits';
import { Pictogram } from '../pictograms/Pictogram';
import { Screen, TitledSection } from '../core/ui';
import './about.css';

/** The app's version; keep in step with package.json. */
export const APP_VERSION = '0.1.0';

export default function About() {
  const { t } = useI18n();
  return (
    <Screen title={t('about.title')} pictogram="info" class="about-screen">
      <p class="about-text">{t('about.text')}</p>
      <p class="about-version">
        <Pictogram id="tablet" />
        <span>{t('about.version', { version: APP_VERSION })}</span>
      </p>
      <TitledSection id="about-credits-title" pictogram="photo" title={t('about.credits')} class="about-credits">
        <ul role="list">
          <For each={PICTOGRAM_CREDITS}>
            {(c) => (
              <li class="about-credit">
                <a href={c.url} target="_blank" rel="noopener noreferrer" class="about-credit-name">
                  {c.name}
                </a>
                <Show when={c.author}>
                  <span> {t('about.by', { author: c.author })}</span>
                </Show>
                <span class="about-credit-licence">
                  {' – '}
                  <Show when={c.licenceUrl} fallback={t('about.licence', { licence: c.licence })}>
                    <a href={c.licenceUrl} target="_blank" rel="noopener noreferrer">
                      {t('about.licence', { licence: c.licence })}
                    </a>
                  </Show>
                </span>
              </li>
            )}
          </For>
        </ul>
      </TitledSection>
    </Screen>
  );
}
