/**
 * The demo's people (demo.ts writes them). A module of its own, with no imports: the light first visit
 * (main.tsx) fetches their faces the moment "Try the demo" is tapped, before the app has loaded.
 */
export const DEMO_PEOPLE: readonly { firstName: string; avatar: string; language: string }[] = [
  { firstName: 'Aya', avatar: 'avatar-woman-headscarf-medium', language: 'ar' },
  { firstName: 'Mohammed', avatar: 'avatar-man-beard-medium', language: 'ar' },
  { firstName: 'Sara', avatar: 'avatar-woman-blonde-medium-light', language: 'sv' },
  { firstName: 'Ahmed', avatar: 'avatar-man-medium-dark', language: 'so' },
  { firstName: 'Fatima', avatar: 'avatar-woman-headscarf-dark', language: 'so' },
  { firstName: 'Jonas', avatar: 'avatar-man-light', language: 'en' },
  { firstName: 'Lina', avatar: 'avatar-woman-medium-light', language: 'fa' },
  { firstName: 'Yonas', avatar: 'avatar-man-curly-dark', language: 'ti' },
];

/** Where their faces are: the people set's stack (pictogramSetUrl('people') in pictograms/catalog.ts, which a test checks). */
export const DEMO_FACES_URL = '/pictograms/set/people.svg';
