/**
 * A dialog that edits a short list of (pictogram, words) items: the ladder's
 * steps and the survey's questions. Each item keeps its id; the list can grow
 * to `max` and never shrinks below one; empty words are refused with a message.
 */
import { createSignal, Index, Show, type JSX } from 'solid-js';
import { FormActions, PictogramField } from '../core/admin';
import { Field } from '../core/fields';
import { AdminForm, createFormAction } from '../core/form';
import { Dialog, PictoButton } from '../core/ui';
import type { PictogramCategory } from '../pictograms/catalog';
import { useI18n } from '../i18n';

export interface PictogramItem {
  id: string;
  pictogramId: string;
  text: string;
}

export interface PictogramListEditorProps<T extends PictogramItem> {
  title: string;
  pictogram: string;
  /** the list as it stands, words already in the screen's language */
  initial: T[];
  /** "Step 3", "Question 2" */
  itemLabel: (number: number) => string;
  textLabel: string;
  namePrefix: string;
  maxLength: number;
  max: number;
  categories: PictogramCategory[];
  addLabel: string;
  newItem: () => T;
  /** e.g. "Back to the defaults": gets the setter of the list */
  extra?: (set: (items: T[]) => void) => JSX.Element;
  save: (items: T[]) => Promise<unknown>;
  onClose: () => void;
}

export function PictogramListEditor<T extends PictogramItem>(props: PictogramListEditorProps<T>) {
  const { t } = useI18n();
  // the dialog edits a copy of the list it opened with
  const [items, setItems] = createSignal<T[]>(props.initial);
  const change = (i: number, patch: Partial<PictogramItem>) => setItems((all) => all.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const action = createFormAction({
    valid: () => items().length > 0 && items().every((x) => x.text.trim().length > 0 && x.text.length <= props.maxLength),
    write: () => props.save(items()),
    done: () => props.onClose(),
  });
  return (
    <Dialog title={props.title} pictogram={props.pictogram} onClose={() => props.onClose()}>
      <AdminForm onSubmit={action.submit}>
        <Index each={items()}>
          {(x, i) => (
            <fieldset class="tavla-fieldset growth-ladder-edit">
              <legend class="tavla-field-label">{props.itemLabel(i + 1)}</legend>
              <PictogramField label={t('supervisor.pictogram')} value={x().pictogramId} onChange={(id) => change(i, { pictogramId: id })} categories={props.categories} />
              <Field label={props.textLabel} pictogram="edit" error={action.tried() && !x().text.trim() ? t('growth.error.nameNeeded') : null}>
                <input type="text" name={`${props.namePrefix}-${i}`} maxLength={props.maxLength} value={x().text} onInput={(e) => change(i, { text: e.currentTarget.value })} />
              </Field>
              <PictoButton pictogram="trash" label={t('app.delete')} aria-label={`${t('app.delete')}: ${x().text}`} variant="danger" size="small" disabled={items().length <= 1} onClick={() => setItems((all) => all.filter((_, j) => j !== i))} />
            </fieldset>
          )}
        </Index>
        <div class="row">
          <PictoButton pictogram="plus" label={props.addLabel} disabled={items().length >= props.max} onClick={() => setItems((all) => [...all, props.newItem()])} />
          <Show when={props.extra}>{(extra) => extra()(setItems)}</Show>
        </div>
        <FormActions onClose={() => props.onClose()} />
      </AdminForm>
    </Dialog>
  );
}
