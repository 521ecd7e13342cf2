/**
 * "Two labels side by side": when the device shows bilingual labels and the
 * board speaks another language, the Swedish word follows the chosen
 * language's word (to learn Swedish at work). The Swedish part is
 * `aria-hidden` so the control's accessible name stays the chosen language.
 *
 * `<BilingualLabel text sv?>` finds the Swedish wording itself (word index)
 * when not given. `sv` is only read when a second label is shown, so the
 * Swedish catalogue (a lazy chunk) is loaded only by boards that show one; `useBilingual()` gives `t2(key)` / `pl2(id)` for the common
 * cases of a message or a pictogram label.
 */
import { Show, type JSX } from 'solid-js';
import { swedishMessage, swedishPictogram, useI18n, type MessageKey, type Params } from '../../i18n';
import { useSpeechOptional } from './SpeechProvider';

export function BilingualLabel(props: { text: string; sv?: string }) {
  const speech = useSpeechOptional();
  // `sv` is passed unread: reading it (Swedish catalogue) only matters when a second label is wanted
  // eslint-disable-next-line solid/reactivity -- read inside secondLabel, itself read in this tracked `second()`
  const second = () => speech?.secondLabel(props.text, () => props.sv);
  return (
    <>
      {props.text}
      <Show when={second()}>
        {(s) => (
          <span class="bilingual-sv" lang="sv" aria-hidden="true" data-sv={s()} />
        )}
      </Show>
    </>
  );
}

export function useBilingual(): { t2: (key: MessageKey, params?: Params) => JSX.Element; pl2: (id: string) => JSX.Element } {
  const { t, pl } = useI18n();
  return {
    t2: (key, params) => <BilingualLabel text={t(key, params)} sv={swedishMessage(key, params)} />,
    pl2: (id) => <BilingualLabel text={pl(id)} sv={swedishPictogram(id)} />,
  };
}
