/**
 * Pictures: the workplace's own pictograms, made from a photo (camera or
 * file) resized to at most 512 px, with a name. A photo that is too large or
 * cannot be opened is explained on the spot, and nothing is stored.
 */
import { createEffect, createSignal, For, onCleanup, Show } from 'solid-js';
import type { CustomPictogram } from '../domain/types';
import { collapseSpaces, textLength } from '../domain/text';
import { useI18n, type MessageKey } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { resizeImage } from '../pictograms/resize';
import { createLive } from '../core/live';
import { useApp } from '../core/context';
import { EmptyNote, PictoButton, useBlobUrl } from '../core/ui';
import { Field, FieldError } from '../core/fields';
import { AdminScreen, AdminSection, ConfirmDialog, imageErrorKey, SHORT_TEXT_MAX, useWorkplaceId } from '../core/admin';
import { AdminForm, createFormAction } from '../core/form';

function CustomTile(props: { pictogram: CustomPictogram; onRemove: () => void }) {
  const { t } = useI18n();
  const url = useBlobUrl(() => props.pictogram.blob);
  return (
    <li class="supervisor-custom">
      <Show when={url()} fallback={<Pictogram id="photo" />}>
        <img src={url()} alt="" aria-hidden="true" />
      </Show>
      <span class="supervisor-custom-label">{props.pictogram.label}</span>
      <PictoButton
        pictogram="trash"
        label={t('app.delete')}
        aria-label={t('supervisor.pictogram.remove', { label: props.pictogram.label })}
        variant="danger"
        size="small"
        onClick={() => props.onRemove()}
      />
    </li>
  );
}

function AddPictogram() {
  const app = useApp();
  const { t } = useI18n();
  const wpId = useWorkplaceId();
  const [image, setImage] = createSignal<Blob | null>(null);
  const [preview, setPreview] = createSignal<string | undefined>();
  const [label, setLabel] = createSignal('');
  const [photoError, setPhotoError] = createSignal<MessageKey | null>(null);

  createEffect(() => {
    const img = image();
    if (!img) return setPreview(undefined);
    const u = URL.createObjectURL(img);
    setPreview(u);
    onCleanup(() => URL.revokeObjectURL(u));
  });

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setPhotoError(null);
    try {
      setImage(await resizeImage(file, 512));
    } catch (err) {
      setImage(null);
      setPhotoError(imageErrorKey(err));
    }
  };

  const labelError = (): MessageKey | null => {
    const v = collapseSpaces(label());
    if (v === '') return 'supervisor.pictogram.labelRequired';
    if (textLength(v) > SHORT_TEXT_MAX) return 'supervisor.textTooLong';
    return null;
  };

  const action = createFormAction({
    valid: () => Boolean(image()) && !labelError(),
    write: () => app.repos.pictograms.addCustom(wpId(), { label: collapseSpaces(label()), image: image()! }),
    notice: () => ({ kind: 'success', pictogram: 'photo', message: 'supervisor.pictogram.added' }),
    done: () => {
      setImage(null);
      setLabel('');
      action.setTried(false);
    },
  });
  const { tried, busy } = action;

  const photoMessage = () => {
    const e = photoError();
    if (e) return t(e);
    return tried() && !image() ? t('supervisor.pictogram.photoRequired') : null;
  };
  const labelMessage = () => {
    const e = labelError();
    return tried() && e ? t(e, { max: SHORT_TEXT_MAX }) : null;
  };

  return (
    <AdminSection id="admin-add-picture" pictogram="camera" title={t('supervisor.pictogram.add')}>
      <AdminForm onSubmit={action.submit}>
        <div class="row">
          <Show when={preview()}>
            <img src={preview()} alt="" aria-hidden="true" class="supervisor-preview" />
          </Show>
          <label class="picto-button secondary normal supervisor-file">
            <Pictogram id="camera" class="picto-button-icon" />
            <span class="label">{t('supervisor.pictogram.choosePhoto')}</span>
            <input type="file" accept="image/*" name="picture" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
          </label>
        </div>
        <FieldError message={photoMessage()} />
        <Field label={t('supervisor.pictogram.label')} pictogram="edit" error={labelMessage()}>
          <input type="text" name="pictureLabel" autocomplete="off" value={label()} onInput={(e) => setLabel(e.currentTarget.value)} />
        </Field>
        <div class="row supervisor-form-actions">
          <PictoButton pictogram="save" label={t('app.save')} variant="primary" type="submit" disabled={busy()} />
        </div>
      </AdminForm>
    </AdminSection>
  );
}

export default function PictogramsAdmin() {
  const app = useApp();
  const { t } = useI18n();
  const custom = createLive(() => app.workplaceId(), (id) => app.repos.pictograms.list(id), [] as CustomPictogram[]);
  const [removing, setRemoving] = createSignal<CustomPictogram | null>(null);

  const remove = async (p: CustomPictogram) => {
    setRemoving(null);
    if (!app.unlocked()) return;
    const ok = await app.run(async () => {
      await app.repos.pictograms.remove(p.id);
      return true;
    });
    if (ok) app.notify({ kind: 'success', pictogram: 'trash', message: 'supervisor.removed' });
  };

  return (
    <AdminScreen title={t('supervisor.pictograms')} pictogram="photo">
      <AddPictogram />
      <Show when={custom().length > 0} fallback={<EmptyNote pictogram="photo" text={t('supervisor.pictogram.none')} />}>
        <ul class="supervisor-custom-grid" role="list">
          <For each={custom()}>{(p) => <CustomTile pictogram={p} onRemove={() => setRemoving(p)} />}</For>
        </ul>
      </Show>
      <Show when={removing()}>
        {(p) => (
          <ConfirmDialog
            title={t('app.delete')}
            pictogram="trash"
            message={t('supervisor.removeConfirm', { name: p().label })}
            confirmLabel={t('app.delete')}
            onConfirm={() => remove(p())}
            onClose={() => setRemoving(null)}
          />
        )}
      </Show>
    </AdminScreen>
  );
}
