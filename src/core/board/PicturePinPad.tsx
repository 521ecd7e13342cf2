/**
 * The picture PIN pad: nine big pictograms in a 3×3 grid, four slots that
 * fill as they are tapped (dots, not the pictures, so nobody behind you sees
 * the code), and an erase button. The fourth tap hands the code over at once;
 * there is no "OK" to find.
 */
import { createSignal, For, Index, type JSX } from 'solid-js';
import { PictoButton } from '../ui';
import { PICTURE_PIN_LENGTH, PICTURE_PIN_SYMBOLS } from '../../domain/picturePin';
import { useI18n } from '../../i18n';
import { Pictogram } from '../../pictograms/Pictogram';
import './picture-pin.css';

export function PicturePinPad(props: {
  /** the question above the pad, e.g. "Tap your picture code" */
  title: string;
  titleId?: string;
  onComplete: (symbols: string[]) => void;
  disabled?: boolean;
  /** a message under the slots (wrong code, wait …) */
  message?: JSX.Element;
}) {
  const { t, pl } = useI18n();
  const [entered, setEntered] = createSignal<string[]>([]);
  const titleId = () => props.titleId ?? 'picture-pin-title';

  const tap = (symbol: string) => {
    if (props.disabled) return;
    const next = [...entered(), symbol];
    if (next.length < PICTURE_PIN_LENGTH) {
      setEntered(next);
      return;
    }
    setEntered([]);
    props.onComplete(next);
  };

  return (
    <section class="picture-pin" aria-labelledby={titleId()}>
      <h2 id={titleId()} class="picture-pin-title">
        <Pictogram id="lock" />
        <span>{props.title}</span>
      </h2>
      <div class="picture-pin-slots" role="img" aria-label={t('me.pin.progress', { count: entered().length, total: PICTURE_PIN_LENGTH })}>
        <Index each={Array.from({ length: PICTURE_PIN_LENGTH })}>
          {(_, i) => <span class={`picture-pin-slot ${i < entered().length ? 'filled' : ''}`} />}
        </Index>
      </div>
      {props.message}
      <div class="picture-pin-pad" data-speak-off="">
        <For each={PICTURE_PIN_SYMBOLS}>
          {(symbol) => (
            <button
              type="button"
              class="picture-pin-key"
              aria-label={pl(symbol)}
              disabled={props.disabled}
              onClick={() => tap(symbol)}
            >
              <Pictogram id={symbol} />
            </button>
          )}
        </For>
      </div>
      <PictoButton
        pictogram="back"
        label={t('me.pin.erase')}
        class="picture-pin-erase"
        disabled={props.disabled || entered().length === 0}
        onClick={() => setEntered((e) => e.slice(0, -1))}
      />
    </section>
  );
}
