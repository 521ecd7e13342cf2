/** Boot-time choices that do not need the UI: which language to start in. */
import { DEFAULT_LANG, LANGUAGES } from '../i18n';

/** `?lang=xx` wins, then the device setting, then Swedish. */
export function initialLanguage(saved: string | null, search = typeof location === 'undefined' ? '' : location.search): string {
  const fromUrl = new URLSearchParams(search).get('lang');
  for (const code of [fromUrl, saved]) {
    if (code && LANGUAGES.some((l) => l.code === code)) return code;
  }
  return DEFAULT_LANG;
}
