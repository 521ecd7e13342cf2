/**
 * Pieces every supervisor screen shares: the screen frame with its way back
 * to the hub, a confirm dialog for anything that cannot be undone, a list
 * row, the pictogram field. Their forms are core/form.tsx.
 */
import { A } from '@solidjs/router';
import { createSignal, Show, type JSX, type ParentProps } from 'solid-js';
import { useI18n, type MessageKey } from '../i18n';
import type { PictogramCategory } from '../pictograms/catalog';
import { Pictogram } from '../pictograms/Pictogram';
import { PictogramPicker } from '../pictograms/PictogramPicker';
import { useApp } from './context';
import { Dialog, PictoButton, Screen, TitledSection } from './ui';
import './forms.css';
import './supervisor.css';

/** Maps a failure of reading a photo to the words shown under the photo button. */
export function imageErrorKey(err: unknown): MessageKey {
  const name = (err as Error)?.name;
  if (name === 'ImageTooLargeError') return 'error.imageTooLarge';
  if (name === 'ImageDecodeError') return 'error.imageCorrupt';
  return 'error.generic';
}

/** The short free texts (area, task, goal) a supervisor may add to a pictogram. */
export const SHORT_TEXT_MAX = 60;

export function AdminScreen(props: ParentProps<{ title: string; pictogram: string; class?: string }>) {
  const { t } = useI18n();
  return (
    <Screen
      title={props.title}
      pictogram={props.pictogram}
      class={`supervisor-screen ${props.class ?? ''}`}
      actions={
        <A href="/supervisor" class="picto-button secondary normal supervisor-back" aria-label={`${t('app.back')}: ${t('supervisor.manage')}`}>
          <Pictogram id="previous" class="picto-button-icon" />
          <span class="label">{t('supervisor.manage')}</span>
        </A>
      }
    >
      {props.children}
    </Screen>
  );
}

/** "Are you sure?" for removals and erasure: the consequence in words, then cancel or the red button. */
export function ConfirmDialog(props: {
  title: string;
  pictogram: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog title={props.title} pictogram={props.pictogram} onClose={() => props.onClose()} class="supervisor-confirm">
      <p class="supervisor-confirm-text">
        <Pictogram id="warning" class="supervisor-confirm-icon" />
        <span>{props.message}</span>
      </p>
      <div class="row supervisor-form-actions">
        <PictoButton pictogram="cancel" label={t('app.cancel')} onClick={() => props.onClose()} />
        <PictoButton pictogram="trash" label={props.confirmLabel} variant="danger" onClick={() => void props.onConfirm()} />
      </div>
    </Dialog>
  );
}

/** A titled part of a supervisor screen: its heading (pictogram and words) names the region. */
export function AdminSection(props: ParentProps<{ id: string; pictogram: string; title: JSX.Element; class?: string; speakOff?: boolean }>) {
  return (
    <TitledSection id={props.id} pictogram={props.pictogram} title={props.title} class={`supervisor-section ${props.class ?? ''}`} speakOff={props.speakOff}>
      {props.children}
    </TitledSection>
  );
}

/** The foot of a dialog form: cancel closes it, save submits it (and rests while a save runs). */
export function FormActions(props: { onClose: () => void; busy?: boolean }) {
  const { t } = useI18n();
  return (
    <div class="row supervisor-form-actions">
      <PictoButton pictogram="cancel" label={t('app.cancel')} onClick={() => props.onClose()} />
      <PictoButton pictogram="save" label={t('app.save')} variant="primary" type="submit" disabled={props.busy} />
    </div>
  );
}

/** The list row of one record: its picture, its words, then the row's buttons. */
export function AdminRow(props: ParentProps<{ pictogram: string; pictogramSrc?: string; title: string; detail?: string }>) {
  return (
    <li class="supervisor-row">
      <Pictogram id={props.pictogram} src={props.pictogramSrc} class="supervisor-row-icon" />
      <span class="supervisor-row-text">
        <span class="supervisor-row-title">{props.title}</span>
        <Show when={props.detail}>
          <span class="supervisor-row-detail">{props.detail}</span>
        </Show>
      </span>
      <span class="supervisor-row-actions">{props.children}</span>
    </li>
  );
}

/** The workplace id of the screen; supervisor screens only render with a workplace. */
export function useWorkplaceId(): () => string {
  const app = useApp();
  return () => app.workplaceId() ?? '';
}

/**
 * A pictogram choice inside a form: the current pictogram as a big button;
 * tapping it opens the picker grid right below (not a second dialog, so
 * Escape and focus stay simple).
 */
export function PictogramField(props: { label: string; value: string; onChange: (id: string) => void; categories?: PictogramCategory[] }) {
  const { t, pl } = useI18n();
  const [open, setOpen] = createSignal(false);
  return (
    <div class="tavla-field supervisor-pictogram-field">
      <span class="tavla-field-label">
        <Pictogram id="photo" class="tavla-field-icon" />
        <span>{props.label}</span>
      </span>
      <PictoButton
        pictogram={props.value}
        label={pl(props.value)}
        aria-label={`${props.label}: ${pl(props.value)}. ${t('supervisor.choosePictogram')}`}
        aria-expanded={open()}
        size="large"
        onClick={() => setOpen((o) => !o)}
      />
      <Show when={open()}>
        <PictogramPicker
          categories={props.categories}
          value={props.value}
          label={(id: string) => pl(id)}
          onPick={(id: string) => {
            props.onChange(id);
            setOpen(false);
          }}
        />
      </Show>
    </div>
  );
}
