/**
 * What to say for the DOM: the word of a tapped element, and a screen's
 * content in reading order.
 *
 * Markup hints (all optional; everything works from accessible names alone):
 * - `data-speak="text"` (+ `data-speak-key="message:…"`): say this instead
 *   of the element's name (e.g. a section title inside a big link);
 * - `data-speak-person="<id>"`: this is a person's face (FaceImage sets it);
 *   a control holding exactly one face speaks the person's name in their
 *   language;
 * - `data-speak-lang="<code>"` on a container: words inside are spoken in
 *   that language (e.g. a person's own page); `lang` on a control itself too;
 * - `data-speak-off`: never speak on tap here (PIN pads, the speaker button).
 */

const ACTIONABLE = [
  'button',
  'a[href]',
  'summary',
  '[role="button"]',
  '[role="link"]',
  '[role="tab"]',
  '[role="menuitem"]',
  '[role="option"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="switch"]',
].join(', ');

/** Typing, PIN entry and explicit opt-outs are never spoken on tap. */
// Secrets (PIN pads) and typing are never spoken: mark such areas with data-speak-off.
const SILENT = 'input, textarea, select, [contenteditable="true"], [data-speak-off]';

const FORM_CONTROL = 'input, select, textarea';

/** Containers whose aria-label names a region, not a word to say instead of their content. */
const CONTAINER_TAGS = new Set(['MAIN', 'SECTION', 'NAV', 'ASIDE', 'HEADER', 'FOOTER', 'FORM', 'UL', 'OL', 'TABLE', 'DIALOG', 'FIELDSET', 'ARTICLE', 'DIV']);

const BLOCK_TAGS = new Set([
  ...CONTAINER_TAGS,
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'DL', 'DT', 'DD', 'TR', 'TD', 'TH', 'FIGURE', 'FIGCAPTION', 'BLOCKQUOTE', 'LEGEND', 'LABEL', 'BR', 'HR',
]);

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG']);

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function isHidden(el: Element): boolean {
  if (el.getAttribute('aria-hidden') === 'true' || (el as HTMLElement).hidden) return true;
  const style = (el as HTMLElement).style;
  return style?.display === 'none' || style?.visibility === 'hidden';
}

function textOf(el: Element): string {
  let out = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent ?? '';
    else if (node instanceof Element && !isHidden(node) && !SKIP_TAGS.has(node.tagName)) {
      out += ' ' + (node.tagName === 'IMG' ? (node.getAttribute('alt') ?? '') : textOf(node)) + ' ';
    }
  }
  return out;
}

/** The element's accessible name, roughly as assistive technology computes it. */
export function accessibleName(el: Element): string {
  const label = collapse(el.getAttribute('aria-label'));
  if (label) return label;
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const doc = el.ownerDocument;
    const named = collapse(by.split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? '').join(' '));
    if (named) return named;
  }
  if (el.tagName === 'IMG') return collapse(el.getAttribute('alt'));
  if (el.matches(FORM_CONTROL)) {
    const labels = (el as HTMLInputElement).labels;
    const fromLabel = labels ? collapse(Array.from(labels, (l) => textOf(l)).join(' ')) : '';
    return fromLabel || collapse(el.getAttribute('placeholder')) || collapse(el.getAttribute('title'));
  }
  return collapse(textOf(el)) || collapse(el.getAttribute('title'));
}

export interface TapWord {
  /** the word as shown; empty when only a pictogram id is known */
  text: string;
  /** explicit clip key from `data-speak-key` */
  clipKey?: string;
  /** the built-in pictogram the control shows */
  pictogram?: string;
  /** a person's face was tapped */
  personId?: string;
  /** the text itself is in this language (`lang` on the control, e.g. a language's own name) */
  textLang?: string;
  /** say the word in this language (`data-speak-lang` on a container, e.g. a person's page) */
  speakLang?: string;
}

function langHint(el: Element): Pick<TapWord, 'textLang' | 'speakLang'> {
  const own = el.getAttribute('lang');
  if (own) return { textLang: own };
  const wanted = el.closest('[data-speak-lang]')?.getAttribute('data-speak-lang');
  return wanted ? { speakLang: wanted } : {};
}

/** What a tap on `target` should say, or null for nothing. */
export function wordOfTap(target: EventTarget | null): TapWord | null {
  if (!(target instanceof Element)) return null;
  if (target.closest(SILENT)) return null;
  const explicit = target.closest('[data-speak]');
  const control = target.closest(ACTIONABLE);
  // The innermost hint wins: a data-speak inside a control, or a control inside a data-speak area.
  const el = explicit && (!control || control.contains(explicit)) ? explicit : control;
  if (el) {
    const pictogram = el.querySelector('img[data-pictogram]')?.getAttribute('data-pictogram') ?? undefined;
    if (el.hasAttribute('data-speak')) {
      return { text: collapse(el.getAttribute('data-speak')), clipKey: el.getAttribute('data-speak-key') ?? undefined, pictogram, ...langHint(el) };
    }
    const faces = el.querySelectorAll('[data-speak-person]');
    if (faces.length === 1) return { text: accessibleName(el), personId: faces[0]!.getAttribute('data-speak-person')!, ...langHint(el) };
    const text = accessibleName(el);
    if (!text && !pictogram) return null;
    return { text, pictogram, ...langHint(el) };
  }
  const face = target.closest('[data-speak-person]');
  if (face) return { text: '', personId: face.getAttribute('data-speak-person')!, ...langHint(face) };
  const img = target.closest('img[data-pictogram]');
  if (img) return { text: collapse(img.getAttribute('alt')), pictogram: img.getAttribute('data-pictogram')!, ...langHint(img) };
  return null;
}

function isAtomic(el: Element): boolean {
  if (el.matches(FORM_CONTROL)) return true;
  if (el.matches(ACTIONABLE)) {
    // A big link around a whole section is read through, not as one long name.
    if (el.getAttribute('aria-label')) return true;
    return !el.querySelector('p, h1, h2, h3, h4, h5, h6, ul, ol, div, li');
  }
  if (el.getAttribute('aria-label') && !CONTAINER_TAGS.has(el.tagName) && !el.getAttribute('role')?.match(/region|list|group|navigation|main|dialog/)) return true;
  return false;
}

/**
 * The content of `root` as items to say, in DOM order: block text is joined
 * into one item per block, controls are one item each (their accessible
 * name), hidden and aria-hidden parts are skipped (screen-reader-only text is
 * kept), and the same item twice in a row is said once.
 */
export function readableItems(root: Element): string[] {
  const items: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = collapse(buffer);
    buffer = '';
    if (text && items[items.length - 1] !== text) items.push(text);
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      buffer += node.textContent ?? '';
      return;
    }
    if (!(node instanceof Element)) return;
    if (SKIP_TAGS.has(node.tagName) || isHidden(node) || node.hasAttribute('data-speak-off')) return;
    if (node.tagName === 'IMG') {
      const alt = collapse(node.getAttribute('alt'));
      if (alt) buffer += ` ${alt} `;
      return;
    }
    if (isAtomic(node)) {
      flush();
      buffer = accessibleName(node);
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(node.tagName);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
    else buffer += ' ';
  };
  walk(root);
  flush();
  return items;
}
