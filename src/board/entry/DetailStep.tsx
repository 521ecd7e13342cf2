/**
 * The optional detail of an entry, all on one row so the faces below stay in
 * view: a more specific picture (picked from a grid in a dialog), a photo,
 * and a short text. None of it is needed to save.
 */
import { createSignal, createUniqueId, Show } from 'solid-js';
import { Dialog, PictoButton } from '../../core/ui';
import { useI18n } from '../../i18n';
import type { PictogramCategory } from '../../pictograms/catalog';
import { PictogramPicker } from '../../pictograms/PictogramPicker';
import { PhotoCapture } from './PhotoCapture';
import { ENTRY_TEXT_MAX, type EntryValue } from './draft';

export function DetailStep(props: {
  entry: EntryValue;
  onChange: (patch: Partial<EntryValue>) => void;
  /** the picture shown on the "choose a picture" button */
  pictogram: string;
  pickerCategories: PictogramCategory[];
}) {
  const { t, pl } = useI18n();
  const [picking, setPicking] = createSignal(false);
  const textId = createUniqueId();
  return (
    <section class="entry-detail" aria-label={t('entry.more')}>
      <PictoButton
        pictogram={props.pictogram}
        label={t('entry.pickPictogram')}
        size="large"
        class="entry-pick-picture"
        onClick={() => setPicking(true)}
      />
      <PhotoCapture photo={props.entry.photo} onChange={(photo) => props.onChange({ photo })} />
      <div class="field entry-text">
        <label for={textId}>{t('entry.writeText')}</label>
        <textarea
          id={textId}
          maxLength={ENTRY_TEXT_MAX}
          rows={2}
          value={props.entry.text}
          onInput={(e) => props.onChange({ text: e.currentTarget.value })}
        />
      </div>
      <Show when={picking()}>
        <Dialog title={t('entry.pickPictogram')} pictogram="photo" onClose={() => setPicking(false)}>
          <PictogramPicker
            categories={props.pickerCategories}
            value={props.entry.pictogramId ?? undefined}
            label={pl}
            onPick={(id: string) => {
              props.onChange({ pictogramId: id });
              setPicking(false);
            }}
          />
        </Dialog>
      </Show>
    </section>
  );
}
