/**
 * Easy-to-read Swedish labels for the built-in pictograms: the Swedish
 * labels, with the few long or uncommon words replaced by common ones (and
 * the same words as the lättläst messages: problem, jobb, idé).
 * Needs review by someone trained in lättläst (see docs/translations.md).
 */
import type { PictogramId } from '../pictograms/catalog.ts';
import sv from './pictograms.sv';

export default {
  ...sv,
  'shelve-books': 'Ställa böcker',
  recycle: 'Sortera skräp',
  plunger: 'Pump för toaletten',
  'set-square': 'Vinkel',
  clamp: 'Skruvtving',
  'safety-vest': 'Gul väst',
  'ear-protection': 'Skydd för öronen',
  goggles: 'Skydd för ögonen',
  'missing-material': 'Något saknas',
  quality: 'Inte bra gjort',
  'heavy-lift': 'Tungt att bära',
  conflict: 'Bråk',
  'chart-up': 'Mer',
  'chart-down': 'Mindre',
  'finish-flag': 'I mål',
  strong: 'Fortsätt',
  stopwatch: 'Ta tid',
  'idea-planned': 'Vi ska göra',
  'idea-doing': 'Vi gör nu',
  'idea-done': 'Klar',
  handshake: 'Hjälpas åt',
  present: 'Här',
  'absent-notified': 'Borta, har sagt till',
  'absent-unnotified': 'Borta, har inte sagt till',
  'sick-child': 'Barnet är sjukt',
  appointment: 'Till doktorn',
  'status-handling': 'Vi fixar det',
  'status-solved': 'Fixat',
  'avatar-man-bald-medium-dark': 'Man utan hår',
  offline: 'Inget internet',
  sync: 'Skicka och hämta',
  question: 'Vet inte',
  bell: 'Kom ihåg',
  // --- growth ---
  'step-visit': 'Första besöket',
  'step-light-training': 'Lätt träning',
  'step-training': 'Träna att arbeta',
  'step-adapted': 'Anpassat arbete',
  'step-placement': 'Praktik ute',
  'step-job': 'Har ett jobb',
  'plan': 'Min plan',
  'you-are-here': 'Du är här',
  'skill-not-yet': 'Inte än',
  'skill-learning': 'Lär mig',
  'skill-can': 'Kan',
  'skill-teach': 'Kan lära andra',
  'mood-sad': 'Ledsen',
  'mood-ok': 'Sådär',
  'mood-happy': 'Glad',
  'listened': 'Någon lyssnar',
  'survey': 'Frågor',
} satisfies Record<PictogramId, string>;
