/**
 * Form pieces shared by the setup wizard and the supervisor screens: a field
 * whose label carries a pictogram, an error line (warning pictogram + words,
 * announced), weekday toggles and a PIN input. Labels are real <label>s so
 * every input has an accessible name.
 */
import { For, Show, type JSX } from 'solid-js';
import { useI18n } from '../i18n';
import { WEEKDAY_PICTOGRAM } from '../pictograms/catalog';
import { Pictogram } from '../pictograms/Pictogram';
import { PictoButton } from './ui';
import './forms.css';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A validation message: warning pictogram and words, read out when it appears. */
export function FieldError(props: { message: string | null | undefined; id?: string }) {
  return (
    <Show when={props.message}>
      <p class="form-error tavla-form-error" role="alert" id={props.id}>
        <Pictogram id="warning" class="tavla-form-error-icon" />
        <span>{props.message}</span>
      </p>
    </Show>
  );
}

/** A labelled input: pictogram + words in the label, the control below, its error under it. */
export function Field(props: { label: string; pictogram: string; error?: string | null; children: JSX.Element; class?: string }) {
  return (
    <div class={`tavla-field ${props.class ?? ''}`}>
      <label class="field">
        <span class="tavla-field-label">
          <Pictogram id={props.pictogram} class="tavla-field-icon" />
          <span>{props.label}</span>
        </span>
        {props.children}
      </label>
      <FieldError message={props.error} />
    </div>
  );
}

/** Seven day toggles (Monday first), each with its weekday pictogram. */
export function WeekdayToggles(props: { legend: string; value: readonly number[]; onChange: (days: number[]) => void; error?: string | null }) {
  const { pl } = useI18n();
  const toggle = (d: number) => {
    const has = props.value.includes(d);
    props.onChange((has ? props.value.filter((x) => x !== d) : [...props.value, d]).sort((a, b) => a - b));
  };
  return (
    <fieldset class="tavla-fieldset">
      <legend class="tavla-field-label">
        <Pictogram id="calendar" class="tavla-field-icon" />
        <span>{props.legend}</span>
      </legend>
      <div class="tavla-weekdays">
        <For each={WEEKDAYS}>
          {(d) => (
            <PictoButton
              pictogram={WEEKDAY_PICTOGRAM[d]}
              label={pl(WEEKDAY_PICTOGRAM[d])}
              aria-pressed={props.value.includes(d)}
              variant={props.value.includes(d) ? 'primary' : 'secondary'}
              size="small"
              onClick={() => toggle(d)}
            />
          )}
        </For>
      </div>
      <FieldError message={props.error} />
    </fieldset>
  );
}

/** A PIN entry: digits only, hidden, numeric keyboard. */
export function PinInput(props: { value: string; onInput: (pin: string) => void; name: string }) {
  return (
    <input
      type="password"
      inputmode="numeric"
      autocomplete="new-password"
      name={props.name}
      maxLength={8}
      value={props.value}
      onInput={(e) => props.onInput(e.currentTarget.value)}
    />
  );
}

/** Opening and closing time and the open days: the setup wizard's and the workplace screen's. */
export function OpeningHoursFields(props: {
  opening: string;
  closing: string;
  openDays: readonly number[];
  onOpening: (time: string) => void;
  onClosing: (time: string) => void;
  onOpenDays: (days: number[]) => void;
  timesError: string | null | undefined;
  daysError: string | null | undefined;
  class?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <div class={props.class ?? 'row'}>
        <Field label={t('setup.openingTime')} pictogram="clock">
          <input type="time" name="openingTime" value={props.opening} onInput={(e) => props.onOpening(e.currentTarget.value)} />
        </Field>
        <Field label={t('setup.closingTime')} pictogram="clock">
          <input type="time" name="closingTime" value={props.closing} onInput={(e) => props.onClosing(e.currentTarget.value)} />
        </Field>
      </div>
      <FieldError message={props.timesError} />
      <WeekdayToggles legend={t('setup.openDays')} value={props.openDays} onChange={(d) => props.onOpenDays(d)} error={props.daysError} />
    </>
  );
}
