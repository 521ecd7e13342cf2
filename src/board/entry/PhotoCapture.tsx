/**
 * Taking a photo for an entry: a big camera button opens the tablet's
 * back camera (`capture="environment"`); the picture is shrunk on the device
 * (`resizeImage`) and stored content-addressed (`repos.blobs`), and the entry
 * keeps only its hash. A picture that is too large or cannot be read shows
 * the clear error notice; nothing else of the entry is touched.
 */
import { createSignal, Show } from 'solid-js';
import { useApp } from '../../core/context';
import { PictoButton, useBlobUrl } from '../../core/ui';
import { useI18n } from '../../i18n';
import { resizeImage } from '../../pictograms/resize';

export function PhotoCapture(props: { photo: string | null; onChange: (hash: string | null) => void }) {
  const app = useApp();
  const { t } = useI18n();
  const url = useBlobUrl(() => props.photo);
  const [busy, setBusy] = createSignal(false);
  let input: HTMLInputElement | undefined;

  const takePhoto = async (file: File) => {
    const workplaceId = app.workplaceId();
    if (!workplaceId) return;
    setBusy(true);
    try {
      const small = await resizeImage(file);
      props.onChange(await app.repos.blobs.put(workplaceId, small));
    } catch (err) {
      app.reportError(err);
    } finally {
      setBusy(false);
    }
  };

  const onFile = () => {
    const file = input?.files?.[0];
    // Cleared so choosing the same file again after an error fires a change again.
    if (input) input.value = '';
    if (file) void takePhoto(file);
  };

  return (
    <div class="entry-photo">
      <input ref={input} class="entry-file-input" type="file" accept="image/*" capture="environment" hidden tabIndex={-1} aria-label={t('entry.takePhoto')} onChange={onFile} />
      <Show when={props.photo && url()}>
        <img src={url()} alt={t('entry.photo')} class="entry-photo-thumb" draggable={false} />
      </Show>
      <PictoButton
        pictogram="camera"
        label={t('entry.takePhoto')}
        size="large"
        aria-busy={busy()}
        disabled={busy()}
        onClick={() => input?.click()}
      />
      <Show when={props.photo}>
        <PictoButton pictogram="trash" label={t('entry.removePhoto')} variant="ghost" onClick={() => props.onChange(null)} />
      </Show>
    </div>
  );
}
