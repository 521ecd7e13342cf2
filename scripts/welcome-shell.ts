/**
 * The first visit's welcome, before any script: the words of the setup
 * wizard's welcome (its title and lead, from the message catalogues) in every
 * UI language, written into `index.html` as a JSON data block (not a script:
 * the CSP runs none inline). On a device with no workplace and no board
 * picture, `public/paint-snapshot.js` paints them in place of the splash, in
 * the language `?lang=` asks for, else the one the device last used, else
 * Swedish — its title and lead only (the language button's place kept, unseen), `aria-hidden`
 * and `inert`, with the wizard's own
 * classes (its styles are in the page, src/main.tsx). On a device with no
 * database yet, src/setup/firstVisit.ts then shows the whole welcome (its
 * buttons too) from the same words, with no catalogue, Dexie or board loaded;
 * the app replaces it with the real wizard once someone picks an action.
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

/** The catalogue keys of the welcome's words (src/setup/Setup.tsx's welcome; the language button's name). */
const KEYS = {
  title: 'setup.welcome',
  lead: 'setup.welcomeText',
  start: 'setup.start',
  demo: 'setup.tryDemo',
  demoText: 'setup.demoText',
  restore: 'setup.restore',
  language: 'app.language',
} as const;
type Word = keyof typeof KEYS;
type Catalogue = Partial<Record<(typeof KEYS)[Word], string>>;
const CATALOGUES: Record<string, Catalogue> = { sv, 'sv-x-lattlast': svEasy, en, ar, fa, so, ti };

export interface WelcomeWords extends Record<Word, string> {
  dir: 'ltr' | 'rtl';
  /** the language's own name (the language button's label) */
  name: string;
}

/** The welcome's words per UI language (a missing message falls back to Swedish, as in the app). */
export function welcomeWords(catalogues: Record<string, Catalogue> = CATALOGUES): Record<string, WelcomeWords> {
  const out: Record<string, WelcomeWords> = {};
  for (const { code, dir, name } of LANGUAGES) {
    const c = catalogues[code];
    if (!c) throw new Error(`welcome shell: no catalogue for the UI language ${code} (scripts/welcome-shell.ts)`);
    const words = { dir, name } as WelcomeWords;
    for (const [word, key] of Object.entries(KEYS) as [Word, (typeof KEYS)[Word]][]) words[word] = c[key] || sv[key];
    out[code] = words;
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
