/**
 * The speaker control: reads the screen's content aloud in order (headings,
 * texts, names of controls), or a given list of items; tapped again, it
 * stops. Rendered by the Screen frame and the board header; invisible where
 * the app's speech is not provided (isolated component tests).
 */
import { Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { Pictogram } from '../../pictograms/Pictogram';
import { useSpeechOptional, type SpeechItem } from './SpeechProvider';

export interface SpeakButtonProps {
  /** the closest ancestor matching this selector is read (default: the enclosing `main`) */
  scope?: string;
  /** read only these parts of the scope, in this order */
  parts?: readonly string[];
  /** read these items instead of the DOM */
  items?: () => readonly (string | SpeechItem)[];
  class?: string;
}

export function SpeakButton(props: SpeakButtonProps) {
  const speech = useSpeechOptional();
  const { t } = useI18n();
  let ref: HTMLButtonElement | undefined;

  const roots = (): Element[] => {
    const scope = (props.scope ? ref?.closest(props.scope) : null) ?? ref?.closest('main') ?? document.querySelector('main');
    if (!scope) return [];
    if (!props.parts) return [scope];
    return props.parts.flatMap((sel) => Array.from(scope.querySelectorAll(sel)));
  };

  return (
    <Show when={speech}>
      {(s) => {
        const label = () => (s().reading() ? t('speech.stopReading') : t('speech.readAloud'));
        const onClick = () => {
          if (s().reading()) return s().stop();
          if (props.items) void s().speakItems(props.items());
          else void s().speakElement(roots());
        };
        return (
          <button
            ref={ref}
            type="button"
            class={`picto-button ghost normal speak-button ${props.class ?? ''}`}
            aria-label={label()}
            aria-pressed={s().reading()}
            data-speak-off=""
            onClick={onClick}
          >
            <Pictogram id={s().reading() ? 'stop' : 'speaker'} class="picto-button-icon" />
            <span class="label">{label()}</span>
          </button>
        );
      }}
    </Show>
  );
}
