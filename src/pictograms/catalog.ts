/**
 * The built-in pictogram catalogue as the running app sees it: ids and categories
 * only, plus the stable mappings the rest of the app uses (deviation category →
 * pictogram, attendance status → pictogram, …).
 *
 * This module is imported by the first screen, so it stays small: the iconify
 * source names live in `manifest.ts`, which only the build script (and the
 * credits list) import. The SVG files themselves are built into
 * `public/pictograms/<id>.svg`, and into one stack per set (`set/<set>.svg`,
 * which the app shows them from), by `npm run pictograms`.
 *
 * Ids are stable: they are stored in the database (tasks, goals, avatars …),
 * so never rename or remove one — add a new id instead.
 */

export const PICTOGRAM_CATEGORIES = [
  'work-area',
  'task',
  'tool',
  'deviation',
  'goal',
  'idea',
  'attendance',
  'weekday',
  'status',
  'person',
  'ui',
  'misc',
] as const;

export type PictogramCategory = (typeof PICTOGRAM_CATEGORIES)[number];

/** Every built-in id, grouped by category. Order = order in the picker. */
export const PICTOGRAMS_BY_CATEGORY = {
  'work-area': [
    'cleaning',
    'laundry',
    'carpentry',
    'textile',
    'moving',
    'kitchen',
    'cafe',
    'secondhand',
    'outdoor',
    'shop',
    'office',
    'workshop',
    'warehouse',
    'restroom',
    'reception',
  ],
  task: [
    'mop-floor',
    'wipe-surfaces',
    'clean-toilet',
    'clean-windows',
    'empty-bins',
    'wash-clothes',
    'sort-laundry',
    'fold-laundry',
    'change-bed-linen',
    'sew',
    'cut-fabric',
    'measure',
    'paint',
    'assemble',
    'repair',
    'pack-boxes',
    'carry-furniture',
    'load-truck',
    'cook',
    'bake',
    'wash-dishes',
    'set-table',
    'make-coffee',
    'serve-customers',
    'cash-register',
    'price-items',
    'sort-clothes',
    'shelve-books',
    'rake-leaves',
    'mow-lawn',
    'shovel-snow',
    'water-plants',
    'pick-litter',
    'recycle',
    'wash-hands',
    'meeting',
  ],
  tool: [
    'bucket',
    'broom',
    'sponge',
    'spray-bottle',
    'cleaning-gloves',
    'soap',
    'toilet-paper',
    'plunger',
    'toilet',
    'window',
    'washing-machine',
    'laundry-basket',
    'detergent',
    't-shirt',
    'socks',
    'jeans',
    'dress',
    'saw',
    'hammer',
    'screwdriver',
    'wrench',
    'nut-and-bolt',
    'wood',
    'ruler',
    'set-square',
    'pencil',
    'toolbox',
    'clamp',
    'axe',
    'ladder',
    'sewing-needle',
    'thread',
    'yarn',
    'scissors',
    'safety-pin',
    'package',
    'lorry',
    'couch',
    'chair',
    'bed',
    'stairs',
    'elevator',
    'cooking-pot',
    'kitchen-knife',
    'coffee',
    'teapot',
    'bread',
    'sandwich',
    'salad',
    'clothes',
    'books',
    'shopping-bags',
    'shopping-cart',
    'coins',
    'toy',
    'tree',
    'evergreen-tree',
    'flower',
    'seedling',
    'potted-plant',
    'shovel',
    'wheelbarrow',
    'garden-gloves',
    'snowflake',
    'safety-vest',
    'hard-hat',
    'ear-protection',
    'goggles',
    'key',
  ],
  deviation: [
    'injury',
    'first-aid',
    'broken-tool',
    'broken-machine',
    'missing-material',
    'quality',
    'customer',
    'late-time',
    'deviation-other',
    'fire',
    'electricity',
    'spill',
    'heavy-lift',
    'conflict',
  ],
  goal: [
    'target',
    'trophy',
    'medal',
    'chart-up',
    'chart-down',
    'bar-chart',
    'star-goal',
    'finish-flag',
    'strong',
    'applause',
    'safety',
    'hundred',
    'stopwatch',
    // the job ladder and the personal plan (issue 14)
    'step-visit',
    'step-light-training',
    'step-training',
    'step-adapted',
    'step-placement',
    'step-job',
    'plan',
    'you-are-here',
  ],
  idea: [
    'idea',
    'idea-planned',
    'idea-doing',
    'idea-done',
    'idea-not-now',
    'thought',
    'handshake',
    'sparkles',
  ],
  attendance: [
    'present',
    'late',
    'sick',
    'absent-notified',
    'absent-unnotified',
    'leave',
    'sick-child',
    'appointment',
    'went-home',
  ],
  weekday: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  status: [
    'status-green',
    'status-yellow',
    'status-red',
    'status-grey',
    'status-new',
    'status-handling',
    'status-solved',
    'status-done',
    'status-not-done',
    // who can do what (skills matrix levels)
    'skill-not-yet',
    'skill-learning',
    'skill-can',
    'skill-teach',
  ],
  person: [
    'avatar-person-light',
    'avatar-person-medium-light',
    'avatar-person-medium',
    'avatar-person-medium-dark',
    'avatar-person-dark',
    'avatar-woman-light',
    'avatar-woman-medium-light',
    'avatar-woman-medium',
    'avatar-woman-medium-dark',
    'avatar-woman-dark',
    'avatar-man-light',
    'avatar-man-medium-light',
    'avatar-man-medium',
    'avatar-man-medium-dark',
    'avatar-man-dark',
    'avatar-woman-curly-medium-dark',
    'avatar-man-curly-dark',
    'avatar-woman-red-light',
    'avatar-man-beard-medium',
    'avatar-woman-blonde-medium-light',
    'avatar-man-bald-medium-dark',
    'avatar-person-white-hair-medium-light',
    'avatar-woman-headscarf-medium',
    'avatar-woman-headscarf-dark',
    'avatar-man-turban-medium-dark',
    'avatar-older-person-medium',
    'avatar-cat',
    'avatar-dog',
    'avatar-fox',
    'avatar-bear',
    'avatar-panda',
    'avatar-rabbit',
    'avatar-frog',
    'avatar-owl',
    'avatar-lion',
    'avatar-penguin',
    'avatar-koala',
    'avatar-unicorn',
    'avatar-sunflower',
    'avatar-rocket',
  ],
  ui: [
    'check',
    'undo',
    'back',
    'close',
    'home',
    'lock',
    'unlock',
    'settings',
    'speaker',
    'mute',
    'camera',
    'plus',
    'minus',
    'next',
    'previous',
    'up',
    'down',
    'trash',
    'edit',
    'info',
    'warning',
    'offline',
    'sync',
    'synced',
    'language',
    'person',
    'people',
    'print',
    'calendar',
    'photo',
    'question',
    'star',
    'ok',
    'cancel',
    'clock',
    'microphone',
    'play',
    'stop',
    'search',
    'save',
    'bell',
    'message',
    'phone',
    'qr-code',
    'tablet',
    'show',
    'tap',
  ],
  misc: [
    'fika',
    'lunch',
    'break',
    'birthday',
    'gift',
    'party',
    'sun',
    'rain',
    'bus',
    'bicycle',
    'car',
    'walk',
    'heart',
    'music',
    'medicine',
    'water',
    'thumbs-down',
    // the participants' survey
    'mood-sad',
    'mood-ok',
    'mood-happy',
    'listened',
    'survey',
  ],
} as const satisfies Record<PictogramCategory, readonly string[]>;

type ByCategory = typeof PICTOGRAMS_BY_CATEGORY;

/** Union of every built-in pictogram id. */
export type PictogramId = ByCategory[PictogramCategory][number];

/** A pictogram reference as stored in data: a built-in id or `custom:<uuid>`. */
export type PictogramRef = PictogramId | `custom:${string}`;

/** All built-in ids in picker order. */
export const PICTOGRAM_IDS: readonly PictogramId[] = PICTOGRAM_CATEGORIES.flatMap(
  (c) => PICTOGRAMS_BY_CATEGORY[c] as readonly PictogramId[],
);

const CATEGORY_OF = new Map<string, PictogramCategory>();
for (const c of PICTOGRAM_CATEGORIES) for (const id of PICTOGRAMS_BY_CATEGORY[c]) CATEGORY_OF.set(id, c);

/** The id used when a pictogram is unknown (deleted custom one, typo, newer app version). */
export const FALLBACK_PICTOGRAM: PictogramId = 'question';

export function isBuiltinPictogram(id: string): id is PictogramId {
  return CATEGORY_OF.has(id);
}

export function isCustomPictogram(id: string): id is `custom:${string}` {
  return id.startsWith('custom:');
}

export function pictogramCategory(id: string): PictogramCategory | undefined {
  return CATEGORY_OF.get(id);
}

export function pictogramsByCategory(category: PictogramCategory): readonly PictogramId[] {
  return PICTOGRAMS_BY_CATEGORY[category];
}

/**
 * The pictogram sets: the build also writes every category's pictograms into one SVG "stack" per set
 * (`/pictograms/set/<set>.svg`, each pictogram a nested `<svg id="<pictogram id>">` shown only as the
 * URL's `:target`). A browser starts one SVG document per image file, about 10 ms each on a cheap
 * tablet: the board's hundred pictograms from some thirty files cost it a third of a second in
 * document starts alone; from its three sets, three starts. Sets group what is shown together (the board's own, the work it lists,
 * people's faces), so a screen loads few of them and each stays small enough to restyle quickly.
 */
export const PICTOGRAM_SET_OF_CATEGORY = {
  ui: 'board',
  status: 'board',
  attendance: 'board',
  weekday: 'board',
  idea: 'board',
  deviation: 'board',
  goal: 'board',
  'work-area': 'board',
  task: 'work',
  tool: 'work',
  person: 'people',
  misc: 'misc',
} as const satisfies Record<PictogramCategory, string>;

export type PictogramSet = (typeof PICTOGRAM_SET_OF_CATEGORY)[PictogramCategory];

function pictogramsBase(): string {
  return `${(import.meta.env?.BASE_URL as string | undefined) ?? '/'}pictograms/`;
}

/** URL of a pictogram set's stack (see PICTOGRAM_SET_OF_CATEGORY), e.g. to fetch it ahead. */
export function pictogramSetUrl(set: PictogramSet): string {
  return `${pictogramsBase()}set/${set}.svg`;
}

/** URL that shows one built-in pictogram: its fragment of its set's stack; unknown ids give the fallback's. */
export function pictogramUrl(id: string): string {
  const known = isBuiltinPictogram(id) ? id : FALLBACK_PICTOGRAM;
  return `${pictogramSetUrl(PICTOGRAM_SET_OF_CATEGORY[CATEGORY_OF.get(known)!])}#${known}`;
}

/** URL of a built-in pictogram's own SVG file (for pages that show a few before the app, and for downloads). */
export function pictogramFileUrl(id: string): string {
  return `${pictogramsBase()}${isBuiltinPictogram(id) ? id : FALLBACK_PICTOGRAM}.svg`;
}

// ---- stable mappings used across the app --------------------------------

export const DEVIATION_PICTOGRAM = {
  safety: 'injury',
  brokenTool: 'broken-tool',
  missingMaterial: 'missing-material',
  quality: 'quality',
  customer: 'customer',
  time: 'late-time',
  other: 'deviation-other',
} as const satisfies Record<
  'safety' | 'brokenTool' | 'missingMaterial' | 'quality' | 'customer' | 'time' | 'other',
  PictogramId
>;

export const ATTENDANCE_PICTOGRAM = {
  present: 'present',
  late: 'late',
  sick: 'sick',
  absentNotified: 'absent-notified',
  absentUnnotified: 'absent-unnotified',
  leave: 'leave',
} as const satisfies Record<
  'present' | 'late' | 'sick' | 'absentNotified' | 'absentUnnotified' | 'leave',
  PictogramId
>;

/** ISO weekday (1 = Monday … 7 = Sunday) → pictogram (Swedish weekday colours + number). */
export const WEEKDAY_PICTOGRAM = {
  1: 'monday',
  2: 'tuesday',
  3: 'wednesday',
  4: 'thursday',
  5: 'friday',
  6: 'saturday',
  7: 'sunday',
} as const satisfies Record<1 | 2 | 3 | 4 | 5 | 6 | 7, PictogramId>;

export const ACTIVITY_PICTOGRAM = {
  cleaning: 'cleaning',
  laundry: 'laundry',
  carpentry: 'carpentry',
  textile: 'textile',
  moving: 'moving',
  kitchen: 'kitchen',
  secondhand: 'secondhand',
  outdoor: 'outdoor',
} as const satisfies Record<
  'cleaning' | 'laundry' | 'carpentry' | 'textile' | 'moving' | 'kitchen' | 'secondhand' | 'outdoor',
  PictogramId
>;

export const SECTION_PICTOGRAM = {
  attendance: 'people',
  goals: 'target',
  work: 'toolbox',
  deviations: 'warning',
  improvements: 'idea',
} as const satisfies Record<'attendance' | 'goals' | 'work' | 'deviations' | 'improvements', PictogramId>;

export const UI_PICTOGRAM = {
  check: 'check',
  undo: 'undo',
  back: 'back',
  close: 'close',
  home: 'home',
  lock: 'lock',
  unlock: 'unlock',
  settings: 'settings',
  speaker: 'speaker',
  mute: 'mute',
  camera: 'camera',
  plus: 'plus',
  minus: 'minus',
  next: 'next',
  previous: 'previous',
  up: 'up',
  down: 'down',
  trash: 'trash',
  edit: 'edit',
  info: 'info',
  warning: 'warning',
  offline: 'offline',
  sync: 'sync',
  synced: 'synced',
  language: 'language',
  person: 'person',
  people: 'people',
  idea: 'idea',
  print: 'print',
  calendar: 'calendar',
  photo: 'photo',
  question: 'question',
  star: 'star',
  ok: 'ok',
  cancel: 'cancel',
  clock: 'clock',
  microphone: 'microphone',
  play: 'play',
  stop: 'stop',
  search: 'search',
  save: 'save',
  bell: 'bell',
  message: 'message',
  phone: 'phone',
  qrCode: 'qr-code',
  tablet: 'tablet',
  show: 'show',
  tap: 'tap',
} as const satisfies Record<string, PictogramId>;

export const STATUS_PICTOGRAM = {
  green: 'status-green',
  yellow: 'status-yellow',
  red: 'status-red',
  grey: 'status-grey',
} as const satisfies Record<'green' | 'yellow' | 'red' | 'grey', PictogramId>;

export const PDCA_PICTOGRAM = {
  idea: 'idea',
  planned: 'idea-planned',
  doing: 'idea-doing',
  done: 'idea-done',
  notNow: 'idea-not-now',
} as const satisfies Record<'idea' | 'planned' | 'doing' | 'done' | 'notNow', PictogramId>;

export const DEVIATION_STATUS_PICTOGRAM = {
  new: 'status-new',
  handling: 'status-handling',
  solved: 'status-solved',
} as const satisfies Record<'new' | 'handling' | 'solved', PictogramId>;

/** One pictogram per category, for the picker's tabs. */
export const CATEGORY_PICTOGRAM = {
  'work-area': 'cleaning',
  task: 'check',
  tool: 'toolbox',
  deviation: 'warning',
  goal: 'target',
  idea: 'idea',
  attendance: 'people',
  weekday: 'calendar',
  status: 'status-green',
  person: 'person',
  ui: 'settings',
  misc: 'star',
} as const satisfies Record<PictogramCategory, PictogramId>;

/** Built-in avatars offered when a person has no photo. */
export const AVATAR_PICTOGRAMS: readonly PictogramId[] = PICTOGRAMS_BY_CATEGORY.person;
