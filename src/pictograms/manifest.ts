/**
 * Where every built-in pictogram's artwork comes from. Only the build script
 * (`scripts/build-pictograms.ts`) and the credits list import this file; the
 * running app uses `catalog.ts` (ids + categories only).
 *
 * Sources:
 *  - `{ set, icon }`: one icon from an installed iconify JSON set
 *    (Fluent Emoji Flat, MIT — preferred for a consistent look; OpenMoji,
 *    CC BY-SA 4.0 — where Fluent has nothing fitting).
 *  - `{ composite: { base, badge } }`: base icon with the badge drawn over its
 *    bottom-right corner at ~55 % size, on a white disc so it reads at a glance
 *    (e.g. wrench + red cross = broken tool).
 *  - `{ disc: { fill, stroke? } }`: a plain coloured disc drawn by us (no
 *    licence), used for the weekday colours and grey status.
 *
 * The build fails loudly if an icon name does not exist in the installed set.
 */
import {
  PICTOGRAM_CATEGORIES,
  PICTOGRAMS_BY_CATEGORY,
  type PictogramCategory,
  type PictogramId,
} from './catalog.ts';

export type { PictogramId, PictogramCategory } from './catalog.ts';

export type IconSetName = 'fluent-emoji-flat' | 'openmoji';

export interface IconSource {
  set: IconSetName;
  icon: string;
}
export interface DiscSource {
  disc: { fill: string; stroke?: string };
}
export type PartSource = IconSource | DiscSource;
export interface CompositeSource {
  composite: { base: PartSource; badge: PartSource };
}
export type PictogramSource = IconSource | CompositeSource | DiscSource;

export interface PictogramEntry {
  id: PictogramId;
  category: PictogramCategory;
  source: PictogramSource;
}

const F = (icon: string): IconSource => ({ set: 'fluent-emoji-flat', icon });
const O = (icon: string): IconSource => ({ set: 'openmoji', icon });
const C = (base: PartSource, badge: PartSource): CompositeSource => ({ composite: { base, badge } });
const D = (fill: string, stroke?: string): DiscSource => ({ disc: stroke ? { fill, stroke } : { fill } });

/** Swedish pedagogical weekday colours (måndag grön, tisdag blå, onsdag vit, torsdag brun, fredag gul, lördag rosa, söndag röd). */
export const WEEKDAY_COLOURS = {
  monday: '#2e9e44',
  tuesday: '#2f6fd6',
  wednesday: '#ffffff',
  thursday: '#8a5a2b',
  friday: '#f7c600',
  saturday: '#f27cb3',
  sunday: '#e0302f',
} as const;

export const PICTOGRAM_SOURCES = {
  // ---- work areas / activity types ----
  cleaning: C(F('broom'), F('sparkles')),
  laundry: C(O('washing-machine'), F('bubbles')),
  carpentry: C(F('wood'), F('hammer')),
  textile: C(F('thread'), F('sewing-needle')),
  moving: F('delivery-truck'),
  kitchen: F('cook'),
  cafe: C(F('hot-beverage'), F('croissant')),
  secondhand: C(F('womans-clothes'), F('recycling-symbol')),
  outdoor: F('national-park'),
  shop: F('department-store'),
  office: F('office-building'),
  workshop: F('factory'),
  warehouse: F('card-file-box'),
  restroom: F('restroom'),
  reception: F('bellhop-bell'),

  // ---- tasks ----
  'mop-floor': C(F('bucket'), F('droplet')),
  'wipe-surfaces': O('disinfect-surface'),
  'clean-toilet': C(F('toilet'), F('sparkles')),
  'clean-windows': C(F('window'), F('sparkles')),
  'empty-bins': O('trash-bin'),
  'wash-clothes': C(F('t-shirt'), F('bubbles')),
  'sort-laundry': C(F('basket'), F('socks')),
  'fold-laundry': C(F('t-shirt'), F('check-mark')),
  'change-bed-linen': C(F('bed'), F('sparkles')),
  sew: C(F('womans-clothes'), F('sewing-needle')),
  'cut-fabric': C(F('thread'), F('scissors')),
  measure: C(F('wood'), F('straight-ruler')),
  paint: F('paintbrush'),
  assemble: C(F('wood'), F('nut-and-bolt')),
  repair: F('hammer-and-wrench'),
  'pack-boxes': C(F('package'), F('check-mark')),
  'carry-furniture': C(F('couch-and-lamp'), F('flexed-biceps')),
  'load-truck': C(F('delivery-truck'), F('package')),
  cook: F('cooking'),
  bake: F('baguette-bread'),
  'wash-dishes': C(F('fork-and-knife-with-plate'), F('bubbles')),
  'set-table': F('fork-and-knife'),
  'make-coffee': O('espresso-machine'),
  'serve-customers': O('barista'),
  'cash-register': F('credit-card'),
  'price-items': F('label'),
  'sort-clothes': C(F('womans-clothes'), F('card-index-dividers')),
  'shelve-books': F('books'),
  'rake-leaves': F('fallen-leaf'),
  'mow-lawn': O('lawn-mower'),
  'shovel-snow': C(O('shovel'), F('snowflake')),
  'water-plants': C(F('potted-plant'), F('droplet')),
  'pick-litter': F('litter-in-bin-sign'),
  recycle: F('recycling-symbol'),
  'wash-hands': O('wash-hands'),
  meeting: F('busts-in-silhouette'),

  // ---- tools, materials, machines ----
  bucket: F('bucket'),
  broom: F('broom'),
  sponge: F('sponge'),
  'spray-bottle': O('sanitizer-spray'),
  'cleaning-gloves': O('medical-gloves'),
  soap: F('soap'),
  'toilet-paper': F('roll-of-paper'),
  plunger: F('plunger'),
  toilet: F('toilet'),
  window: F('window'),
  'washing-machine': O('washing-machine'),
  'laundry-basket': F('basket'),
  detergent: F('lotion-bottle'),
  't-shirt': F('t-shirt'),
  socks: F('socks'),
  jeans: F('jeans'),
  dress: F('dress'),
  saw: F('carpentry-saw'),
  hammer: F('hammer'),
  screwdriver: F('screwdriver'),
  wrench: F('wrench'),
  'nut-and-bolt': F('nut-and-bolt'),
  wood: F('wood'),
  ruler: F('straight-ruler'),
  'set-square': F('triangular-ruler'),
  pencil: F('pencil'),
  toolbox: F('toolbox'),
  clamp: F('clamp'),
  axe: F('axe'),
  ladder: F('ladder'),
  'sewing-needle': F('sewing-needle'),
  thread: F('thread'),
  yarn: F('yarn'),
  scissors: F('scissors'),
  'safety-pin': F('safety-pin'),
  package: F('package'),
  lorry: F('articulated-lorry'),
  couch: F('couch-and-lamp'),
  chair: F('chair'),
  bed: F('bed'),
  stairs: O('stairway'),
  elevator: F('elevator'),
  'cooking-pot': F('pot-of-food'),
  'kitchen-knife': F('kitchen-knife'),
  coffee: F('hot-beverage'),
  teapot: F('teapot'),
  bread: F('bread'),
  sandwich: F('sandwich'),
  salad: F('green-salad'),
  clothes: F('womans-clothes'),
  books: F('books'),
  'shopping-bags': F('shopping-bags'),
  'shopping-cart': F('shopping-cart'),
  coins: F('coin'),
  toy: F('teddy-bear'),
  tree: F('deciduous-tree'),
  'evergreen-tree': F('evergreen-tree'),
  flower: F('tulip'),
  seedling: F('seedling'),
  'potted-plant': F('potted-plant'),
  shovel: O('shovel'),
  wheelbarrow: O('wheelbarrow'),
  'garden-gloves': O('gardening-gloves'),
  snowflake: F('snowflake'),
  'safety-vest': F('safety-vest'),
  'hard-hat': F('rescue-workers-helmet'),
  'ear-protection': F('headphone'),
  goggles: F('goggles'),
  key: F('key'),

  // ---- deviations ----
  injury: F('adhesive-bandage'),
  'first-aid': O('first-aid-kit'),
  'broken-tool': C(F('wrench'), F('cross-mark')),
  'broken-machine': C(F('gear'), F('cross-mark')),
  'missing-material': C(F('package'), F('red-question-mark')),
  quality: F('magnifying-glass-tilted-left'),
  customer: C(F('bust-in-silhouette'), F('speech-balloon')),
  'late-time': F('alarm-clock'),
  'deviation-other': F('exclamation-question-mark'),
  fire: F('fire'),
  electricity: F('high-voltage'),
  spill: C(F('droplet'), F('warning')),
  'heavy-lift': C(F('package'), F('warning')),
  conflict: F('anger-symbol'),

  // ---- goals ----
  target: F('bullseye'),
  trophy: F('trophy'),
  medal: F('1st-place-medal'),
  'chart-up': F('chart-increasing'),
  'chart-down': F('chart-decreasing'),
  'bar-chart': F('bar-chart'),
  'star-goal': F('glowing-star'),
  'finish-flag': F('chequered-flag'),
  strong: F('flexed-biceps'),
  applause: F('clapping-hands'),
  safety: F('shield'),
  hundred: F('hundred-points'),
  stopwatch: F('stopwatch'),

  // ---- ideas / improvements (PDCA) ----
  idea: F('light-bulb'),
  'idea-planned': F('clipboard'),
  'idea-doing': F('construction-worker'),
  'idea-done': F('party-popper'),
  'idea-not-now': F('zzz'),
  thought: F('thought-balloon'),
  handshake: F('handshake'),
  sparkles: F('sparkles'),

  // ---- attendance ----
  present: F('check-mark-button'),
  late: C(F('alarm-clock'), F('snail')),
  sick: F('face-with-thermometer'),
  'absent-notified': F('mobile-phone-with-arrow'),
  'absent-unnotified': C(F('bust-in-silhouette'), F('red-question-mark')),
  leave: F('beach-with-umbrella'),
  'sick-child': C(F('child'), F('thermometer')),
  appointment: F('stethoscope'),
  'went-home': C(F('house'), F('left-arrow')),

  // ---- weekdays: Swedish weekday colour + ISO number ----
  monday: C(D(WEEKDAY_COLOURS.monday), F('keycap-1')),
  tuesday: C(D(WEEKDAY_COLOURS.tuesday), F('keycap-2')),
  wednesday: C(D(WEEKDAY_COLOURS.wednesday, '#9aa0a6'), F('keycap-3')),
  thursday: C(D(WEEKDAY_COLOURS.thursday), F('keycap-4')),
  friday: C(D(WEEKDAY_COLOURS.friday), F('keycap-5')),
  saturday: C(D(WEEKDAY_COLOURS.saturday), F('keycap-6')),
  sunday: C(D(WEEKDAY_COLOURS.sunday), F('keycap-7')),

  // ---- status ----
  'status-green': F('green-circle'),
  'status-yellow': F('yellow-circle'),
  'status-red': F('red-circle'),
  'status-grey': D('#9aa0a6'),
  'status-new': F('red-exclamation-mark'),
  'status-handling': F('hourglass-not-done'),
  'status-solved': F('thumbs-up'),
  'status-done': F('check-box-with-check'),
  'status-not-done': F('white-large-square'),

  // ---- avatars ----
  'avatar-person-light': F('person-light'),
  'avatar-person-medium-light': F('person-medium-light'),
  'avatar-person-medium': F('person-medium'),
  'avatar-person-medium-dark': F('person-medium-dark'),
  'avatar-person-dark': F('person-dark'),
  'avatar-woman-light': F('woman-light'),
  'avatar-woman-medium-light': F('woman-medium-light'),
  'avatar-woman-medium': F('woman-medium'),
  'avatar-woman-medium-dark': F('woman-medium-dark'),
  'avatar-woman-dark': F('woman-dark'),
  'avatar-man-light': F('man-light'),
  'avatar-man-medium-light': F('man-medium-light'),
  'avatar-man-medium': F('man-medium'),
  'avatar-man-medium-dark': F('man-medium-dark'),
  'avatar-man-dark': F('man-dark'),
  'avatar-woman-curly-medium-dark': F('woman-curly-hair-medium-dark'),
  'avatar-man-curly-dark': F('man-curly-hair-dark'),
  'avatar-woman-red-light': F('woman-red-hair-light'),
  'avatar-man-beard-medium': F('man-beard-medium'),
  'avatar-woman-blonde-medium-light': F('woman-blonde-hair-medium-light'),
  'avatar-man-bald-medium-dark': F('man-bald-medium-dark'),
  'avatar-person-white-hair-medium-light': F('person-white-hair-medium-light'),
  'avatar-woman-headscarf-medium': F('woman-with-headscarf-medium'),
  'avatar-woman-headscarf-dark': F('woman-with-headscarf-dark'),
  'avatar-man-turban-medium-dark': F('person-wearing-turban-medium-dark'),
  'avatar-older-person-medium': F('older-person-medium'),
  'avatar-cat': F('cat-face'),
  'avatar-dog': F('dog-face'),
  'avatar-fox': F('fox'),
  'avatar-bear': F('bear'),
  'avatar-panda': F('panda'),
  'avatar-rabbit': F('rabbit-face'),
  'avatar-frog': F('frog'),
  'avatar-owl': F('owl'),
  'avatar-lion': F('lion'),
  'avatar-penguin': F('penguin'),
  'avatar-koala': F('koala'),
  'avatar-unicorn': F('unicorn'),
  'avatar-sunflower': F('sunflower'),
  'avatar-rocket': F('rocket'),

  // ---- ui controls ----
  check: F('check-mark'),
  undo: F('right-arrow-curving-left'),
  back: F('left-arrow'),
  close: F('cross-mark'),
  home: F('house'),
  lock: F('locked'),
  unlock: F('unlocked'),
  settings: F('gear'),
  speaker: F('speaker-high-volume'),
  mute: F('muted-speaker'),
  camera: F('camera'),
  plus: F('plus'),
  minus: F('minus'),
  next: F('right-arrow'),
  previous: F('left-arrow'),
  up: F('up-arrow'),
  down: F('down-arrow'),
  trash: F('wastebasket'),
  edit: F('memo'),
  info: F('information'),
  warning: F('warning'),
  offline: C(F('wireless'), F('cross-mark')),
  sync: F('counterclockwise-arrows-button'),
  synced: C(F('cloud'), F('check-mark-button')),
  language: F('globe-with-meridians'),
  person: F('bust-in-silhouette'),
  people: F('busts-in-silhouette'),
  print: F('printer'),
  calendar: F('spiral-calendar'),
  photo: F('framed-picture'),
  question: F('red-question-mark'),
  star: F('star'),
  ok: F('ok-hand'),
  cancel: F('cross-mark-button'),
  clock: F('mantelpiece-clock'),
  microphone: F('studio-microphone'),
  play: F('play-button'),
  stop: F('stop-button'),
  search: F('magnifying-glass-tilted-right'),
  save: F('floppy-disk'),
  bell: F('bell'),
  message: F('speech-balloon'),
  phone: F('mobile-phone'),
  'qr-code': O('qr-code'),
  tablet: O('tablet'),
  show: F('eye'),
  tap: F('backhand-index-pointing-up'),

  // ---- misc ----
  fika: C(F('hot-beverage'), F('cookie')),
  lunch: F('fork-and-knife-with-plate'),
  break: F('pause-button'),
  birthday: F('birthday-cake'),
  gift: F('wrapped-gift'),
  party: F('confetti-ball'),
  sun: F('sun'),
  rain: F('cloud-with-rain'),
  bus: F('bus'),
  bicycle: F('bicycle'),
  car: F('automobile'),
  walk: F('person-walking'),
  heart: F('red-heart'),
  music: F('musical-notes'),
  medicine: F('pill'),
  water: F('droplet'),
  'thumbs-down': F('thumbs-down'),
  // --- growth (issue 14) ---
  'step-visit': F('waving-hand'),
  'step-light-training': F('seedling'),
  'step-training': F('hammer-and-wrench'),
  'step-adapted': F('puzzle-piece'),
  'step-placement': F('office-building'),
  'step-job': F('briefcase'),
  plan: F('clipboard'),
  'you-are-here': F('round-pushpin'),
  'skill-not-yet': F('hourglass-not-done'),
  'skill-learning': F('open-book'),
  'skill-can': F('thumbs-up'),
  'skill-teach': F('teacher'),
  'mood-sad': F('slightly-frowning-face'),
  'mood-ok': F('neutral-face'),
  'mood-happy': F('grinning-face'),
  listened: F('ear'),
  survey: F('ballot-box-with-ballot'),
} satisfies Record<PictogramId, PictogramSource>;

/** The full manifest: every built-in pictogram with its category and source, in picker order. */
export const PICTOGRAM_MANIFEST: readonly PictogramEntry[] = PICTOGRAM_CATEGORIES.flatMap((category) =>
  (PICTOGRAMS_BY_CATEGORY[category] as readonly PictogramId[]).map((id) => ({
    id,
    category,
    source: PICTOGRAM_SOURCES[id],
  })),
);

/** The iconify icons (set + name) a source uses, composites expanded. */
export function iconsOf(source: PictogramSource): IconSource[] {
  if ('set' in source) return [source];
  if ('disc' in source) return [];
  return [...iconsOf(source.composite.base), ...iconsOf(source.composite.badge)];
}
