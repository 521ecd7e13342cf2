/**
 * Where the built-in pictograms come from and under which licences, for the
 * About screen (the attribution the licences ask for). The id lists are
 * derived from the manifest, so they are always in step with the build.
 *
 * Composite pictograms count for every set they draw from; the plain coloured
 * discs (weekday colours, grey status) are drawn by Tavla itself.
 */
import { PICTOGRAM_MANIFEST, iconsOf, type IconSetName } from './manifest.ts';
import type { PictogramId } from './catalog.ts';

export interface PictogramCredit {
  set: IconSetName;
  /** project name, shown as a link to `url` */
  name: string;
  author: string;
  /** short licence name, e.g. 'MIT' */
  licence: string;
  licenceUrl: string;
  /** project home page */
  url: string;
  /** attribution text as the project asks for it */
  attribution: string;
  /** built-in pictograms that use artwork from this set */
  ids: readonly PictogramId[];
}

function idsFrom(set: IconSetName): PictogramId[] {
  return PICTOGRAM_MANIFEST.filter((e) => iconsOf(e.source).some((i) => i.set === set)).map((e) => e.id);
}

export const PICTOGRAM_CREDITS: readonly PictogramCredit[] = [
  {
    set: 'fluent-emoji-flat',
    name: 'Fluent Emoji',
    author: 'Microsoft',
    licence: 'MIT',
    licenceUrl: 'https://github.com/microsoft/fluentui-emoji/blob/main/LICENSE',
    url: 'https://github.com/microsoft/fluentui-emoji',
    attribution: 'Fluent Emoji (flat) by Microsoft. License: MIT',
    ids: idsFrom('fluent-emoji-flat'),
  },
  {
    set: 'openmoji',
    name: 'OpenMoji',
    author: 'OpenMoji',
    licence: 'CC BY-SA 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
    url: 'https://openmoji.org/',
    attribution:
      'All emojis designed by OpenMoji – the open-source emoji and icon project. License: CC BY-SA 4.0',
    ids: idsFrom('openmoji'),
  },
];
