/** "Delete this?" for supervisors: one more tap, so a slip of the hand never deletes a card. */
import { Dialog, PictoButton } from '../../core/ui';
import { useI18n } from '../../i18n';

export function ConfirmDelete(props: { title: string; onConfirm: () => void; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog title={props.title} pictogram="trash" onClose={() => props.onClose()}>
      <p>{t('entry.deleteConfirm')}</p>
      <div class="row">
        <PictoButton pictogram="trash" label={t('app.delete')} variant="danger" size="large" onClick={() => props.onConfirm()} />
        <PictoButton pictogram="cancel" label={t('app.cancel')} size="large" onClick={() => props.onClose()} />
      </div>
    </Dialog>
  );
}
