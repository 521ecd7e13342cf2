/**
 * The first visit's welcome, before any script: the words of the setup
 * wizard's welcome (its title and lead, from the message catalogues) in every
 * UI language, written into `index.html` as a JSON data block (not a script:
 * the CSP runs none inline). On a device with no workplace and no board
 * picture, `public/paint-snapshot.js` paints them in place of the splash, in
 * the language `?lang=` asks for, else the one the device last used, else
 * Swedish — its title and lead only (the language button's place kept, unseen), `aria-hidden`
 * and `inert`, with the wizard's own
 * classes (its styles are in the page, src/main.tsx); the app replaces it with
 * the real welcome and its buttons.
 */
import type { Plugin } from 'vite';
import { LANGUAGES } from '../src/i18n/tools/languages';
import sv from '../src/i18n/sv';
import svEasy from '../src/i18n/sv-x-lattlast';
import en from '../src/i18n/en';
import ar from '../src/i18n/ar';
import fa from '../src/i18n/fa';
import so from '../src/i18n/so';
import ti from '../src/i18n/ti';

type Catalogue = Partial<Record<'setup.welcome' | 'setup.welcomeText', string>>;
const CATALOGUES: Record<string, Catalogue> = { sv, 'sv-x-lattlast': svEasy, en, ar, fa, so, ti };

export interface WelcomeWords {
  dir: 'ltr' | 'rtl';
  /** the language's own name (the language button's label) */
  name: string;
  title: string;
  lead: string;
}

/** The welcome's words per UI language (a missing message falls back to Swedish, as in the app). */
export function welcomeWords(catalogues: Record<string, Catalogue> = CATALOGUES): Record<string, WelcomeWords> {
  const out: Record<string, WelcomeWords> = {};
  for (const { code, dir, name } of LANGUAGES) {
    const c = catalogues[code];
    if (!c) throw new Error(`welcome shell: no catalogue for the UI language ${code} (scripts/welcome-shell.ts)`);
    out[code] = { dir, name, title: c['setup.welcome'] ?? sv['setup.welcome'], lead: c['setup.welcomeText'] ?? sv['setup.welcomeText'] };
  }
  return out;
}

export const WELCOME_DATA_ID = 'tavla-welcome';

/** The data block for `index.html`: JSON that can never close its element (`<` is escaped). */
export function welcomeDataBlock(words = welcomeWords()): string {
  return `<script type="application/json" id="${WELCOME_DATA_ID}">${JSON.stringify(words).replace(/</g, '\\u003c')}</script>`;
}

export function welcomeShell(): Plugin {
  return {
    name: 'tavla-welcome-shell',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const at = html.indexOf('<script src="/paint-snapshot.js">');
        if (at < 0) throw new Error('welcome shell: index.html has no paint-snapshot.js to read it');
        return `${html.slice(0, at)}${welcomeDataBlock()}\n    ${html.slice(at)}`;
      },
    },
  };
}
