/**
 * Pick a pictogram: category tabs (each a pictogram + its word) over a grid
 * of large buttons (≥ 72 CSS px), each with the pictogram and its word under
 * it. No text of its own: every visible word comes from `label` /
 * `categoryLabel`. Custom photo pictograms (`extra`) get their own tab first.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import {
  CATEGORY_PICTOGRAM,
  PICTOGRAM_CATEGORIES,
  pictogramsByCategory,
  type PictogramCategory,
} from './catalog.ts';
import { Pictogram } from './Pictogram.tsx';
import { customPictograms } from './custom.ts';
import './pictograms.css';

export interface ExtraPictogram {
  /** `custom:<id>` */
  id: string;
  /** object URL of the photo */
  src: string;
  label: string;
}

export type PickerTab = PictogramCategory | 'custom';

export interface PictogramPickerProps {
  /** categories offered, in order; default all */
  categories?: readonly PictogramCategory[];
  /** currently chosen id (shown pressed) */
  value?: string;
  onPick(id: string): void;
  /** the word for a built-in pictogram id */
  label(id: string): string;
  /** the word for a tab; default: the label of the tab's pictogram */
  categoryLabel?: (category: PickerTab) => string;
  /** custom photo pictograms, offered in a first tab; default: the workplace's (custom.ts) */
  extra?: readonly ExtraPictogram[];
  /** accessible name of the tab list and grid (e.g. "Choose a picture") */
  ariaLabel?: string;
  /** pictogram edge in px inside each button; default 56 */
  size?: number;
  class?: string;
}

let pickerSeq = 0;

export function PictogramPicker(props: PictogramPickerProps) {
  const uid = `picto-picker-${++pickerSeq}`;
  const categories = () => (props.categories?.length ? props.categories : PICTOGRAM_CATEGORIES);
  // without an explicit list, offer the workplace's custom pictograms
  const extra = (): readonly ExtraPictogram[] => props.extra ?? customPictograms().map((e) => ({ id: e.id, src: e.url, label: e.label }));
  const hasExtra = () => extra().length > 0;
  const tabs = createMemo<PickerTab[]>(() => [...(hasExtra() ? (['custom'] as const) : []), ...categories()]);

  // start on the tab holding the current value, if any
  const initialTab = (): PickerTab => {
    const v = props.value;
    if (v && extra().some((e) => e.id === v)) return 'custom';
    if (v) {
      const c = categories().find((cat) => (pictogramsByCategory(cat) as readonly string[]).includes(v));
      if (c) return c;
    }
    return tabs()[0] ?? 'misc';
  };
  const [picked, setPicked] = createSignal<PickerTab>(initialTab());
  const active = () => (tabs().includes(picked()) ? picked() : (tabs()[0] ?? 'misc'));

  const tabLabel = (t: PickerTab) =>
    props.categoryLabel?.(t) ?? props.label(t === 'custom' ? 'photo' : CATEGORY_PICTOGRAM[t]);

  const items = createMemo(() => {
    const t = active();
    if (t === 'custom') return extra().map((e) => ({ id: e.id, src: e.src as string | undefined, label: e.label }));
    return pictogramsByCategory(t).map((id) => ({ id: id as string, src: undefined, label: props.label(id) }));
  });

  const size = () => props.size ?? 56;

  const onTabKey = (e: KeyboardEvent) => {
    const list = tabs();
    const i = list.indexOf(active());
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (i + 1) % list.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (i - 1 + list.length) % list.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = list.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const t = list[next];
    if (t === undefined) return;
    setPicked(t);
    document.getElementById(`${uid}-tab-${t}`)?.focus();
  };

  return (
    <div class={props.class ? `picto-picker ${props.class}` : 'picto-picker'}>
      <Show when={tabs().length > 1}>
        <div class="picto-tabs" role="tablist" aria-label={props.ariaLabel} onKeyDown={onTabKey}>
          <For each={tabs()}>
            {(t) => (
              <button
                type="button"
                role="tab"
                id={`${uid}-tab-${t}`}
                class="picto-tab"
                aria-selected={active() === t}
                aria-controls={`${uid}-panel`}
                tabIndex={active() === t ? 0 : -1}
                onClick={() => setPicked(t)}
              >
                <Pictogram
                  id={t === 'custom' ? 'photo' : CATEGORY_PICTOGRAM[t]}
                  size={36}
                  class="picto-tab-image"
                />
                <span class="picto-tab-label">{tabLabel(t)}</span>
              </button>
            )}
          </For>
        </div>
      </Show>
      <div
        class="picto-grid"
        id={`${uid}-panel`}
        role={tabs().length > 1 ? 'tabpanel' : 'group'}
        aria-labelledby={tabs().length > 1 ? `${uid}-tab-${active()}` : undefined}
        aria-label={tabs().length > 1 ? undefined : props.ariaLabel}
      >
        <For each={items()}>
          {(item) => (
            <button
              type="button"
              class="picto-choice"
              classList={{ 'picto-choice-selected': props.value === item.id }}
              aria-label={item.label}
              aria-pressed={props.value === item.id}
              data-pictogram={item.id}
              onClick={() => props.onPick(item.id)}
            >
              <Pictogram id={item.id} src={item.src} size={size()} class="picto-choice-image" />
              <span class="picto-choice-label" aria-hidden="true">
                {item.label}
              </span>
            </button>
          )}
        </For>
      </div>
    </div>
  );
}

export default PictogramPicker;
