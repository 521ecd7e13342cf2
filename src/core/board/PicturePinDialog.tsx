/**
 * Choosing, changing or removing a person's picture PIN: four pictures, the
 * same four again to be sure, saved as a hash (domain/picturePin). Used by
 * the supervisor in People admin and by the person on their own page. Both
 * saving and removing offer undo.
 */
import { createSignal, Show } from 'solid-js';
import { useApp } from '../context';
import { Dialog, PictoButton } from '../ui';
import type { Person } from '../../domain/types';
import { hashPicturePin, samePicturePin } from '../../domain/picturePin';
import { useI18n } from '../../i18n';
import { Pictogram } from '../../pictograms/Pictogram';
import { PicturePinPad } from './PicturePinPad';
import './picture-pin.css';

export function PicturePinDialog(props: { person: Person; onClose: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const [first, setFirst] = createSignal<string[] | null>(null);
  const [mismatch, setMismatch] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const write = async (value: Person['picturePin'], message: 'me.pin.saved' | 'me.pin.removed') => {
    const id = props.person.id;
    const previous = props.person.picturePin ?? null;
    setBusy(true);
    const saved = await app.run(() => app.repos.persons.update(id, { picturePin: value }));
    setBusy(false);
    if (!saved) return;
    app.notify({
      kind: 'success',
      pictogram: 'lock',
      message,
      params: { name: props.person.firstName },
      undo: () => app.repos.persons.update(id, { picturePin: previous }),
    });
    props.onClose();
  };

  const onComplete = async (symbols: string[]) => {
    const firstTry = first();
    if (!firstTry) {
      setMismatch(false);
      setFirst(symbols);
      return;
    }
    if (!samePicturePin(firstTry, symbols)) {
      setFirst(null);
      setMismatch(true);
      return;
    }
    setBusy(true);
    const stored = await app.run(() => hashPicturePin(symbols));
    setBusy(false);
    if (stored) await write(stored, 'me.pin.saved');
  };

  return (
    <Dialog title={t('me.pin.forPerson', { name: props.person.firstName })} pictogram="lock" onClose={() => props.onClose()} class="picture-pin-dialog">
      <PicturePinPad
        titleId="picture-pin-set-title"
        title={first() ? t('me.pin.repeat') : t('me.pin.choose')}
        disabled={busy()}
        onComplete={(s) => void onComplete(s)}
        message={
          <Show when={mismatch()}>
            <p class="picture-pin-message error" role="alert">
              <Pictogram id="cancel" />
              <span>{t('me.pin.mismatch')}</span>
            </p>
          </Show>
        }
      />
      <Show when={props.person.picturePin}>
        <PictoButton pictogram="trash" label={t('me.pin.remove')} variant="danger" disabled={busy()} onClick={() => void write(null, 'me.pin.removed')} />
      </Show>
    </Dialog>
  );
}
