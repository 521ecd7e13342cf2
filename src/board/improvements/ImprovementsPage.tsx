/**
 * The improvement board: ideas move idea → planned → doing → done, with a
 * "not now" column that shows why. Every card says whose idea it was, with
 * their face. In supervisor mode each card gets one button per other column
 * (the target column's PDCA pictogram and "Move to …"), so a card reaches any
 * column in one tap, as fast as moving a note on paper: buttons instead of
 * drag and drop, so moving works for every hand on a touch screen and for
 * screen readers. "Not now" asks for the reason first.
 */
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import { useApp } from '../../core/context';
import { Dialog, PictoButton, PictoLink, Screen } from '../../core/ui';
import { IMPROVEMENT_STATUSES, type Improvement, type ImprovementStatus } from '../../domain/types';
import { anyColumnMoves, NOT_NOW_REASON_MAX } from '../../domain/pdca';
import { useI18n } from '../../i18n';
import { PDCA_PICTOGRAM, SECTION_PICTOGRAM } from '../../pictograms/catalog';
import { ConfirmDelete } from '../entry/ConfirmDelete';
import { StatusColumns } from '../../core/board/Columns';
import { IdeaCard, IdeaReason } from '../../core/board/IdeaCard';
import { createBoardData } from '../../core/board/boardData';
import '../../core/board/entry.css';

const COLUMNS = IMPROVEMENT_STATUSES.map((s) => ({ key: s, pictogram: PDCA_PICTOGRAM[s] }));

export default function ImprovementsPage() {
  const app = useApp();
  const { t, pl } = useI18n();
  const board = createBoardData();
  const [askingReason, setAskingReason] = createSignal<Improvement | null>(null);
  const [deleting, setDeleting] = createSignal<Improvement | null>(null);

  const statusName = (s: ImprovementStatus) => t(`improvement.status.${s}`);
  // Most recently moved first: what just happened is on top.
  const recentFirst = createMemo(() => [...board.improvements()].sort((a, b) => b.movedAt - a.movedAt));

  const move = async (idea: Improvement, to: ImprovementStatus, reason?: string) => {
    if (!app.unlocked()) return false;
    const moved = await app.run(() => app.repos.improvements.move(idea.id, to, { reason, anyColumn: true }));
    if (!moved) return false;
    app.notify({ kind: 'success', pictogram: PDCA_PICTOGRAM[to], message: 'improvements.movedTo', params: { column: statusName(to) } });
    return true;
  };

  const onMove = (idea: Improvement, to: ImprovementStatus) => {
    if (to === 'notNow') setAskingReason(idea);
    else void move(idea, to);
  };

  /** "Not now" with its reason; the dialog stays open (with the error notice) when the reason is missing. */
  const putOnHold = async (idea: Improvement, reason: string) => {
    if (await move(idea, 'notNow', reason)) setAskingReason(null);
  };

  const remove = async (idea: Improvement) => {
    setDeleting(null);
    if (!app.unlocked()) return;
    await app.run(() => app.repos.improvements.remove(idea.id));
  };

  return (
    <Screen title={t('improvements.title')} pictogram={SECTION_PICTOGRAM.improvements} class="improvements-screen">
      <div class="entry-new">
        <PictoLink href="/improvements/new" pictogram="plus" label={t('improvements.new')} variant="primary" />
      </div>
      <StatusColumns
        label={t('improvements.title')}
        columns={COLUMNS}
        title={statusName}
        items={(s) => recentFirst().filter((i) => i.status === s)}
        empty={t('improvements.none')}
      >
        {(idea) => {
          const proposer = () => board.personById().get(idea().proposedBy ?? '');
          return (
            <IdeaCard idea={idea()} proposer={proposer()}>
              <IdeaReason idea={idea()} />
              <Show when={app.unlocked()}>
                <div class="entry-card-actions">
                  <For each={anyColumnMoves(idea().status)}>
                    {(to) => (
                      <PictoButton
                        pictogram={PDCA_PICTOGRAM[to]}
                        label={t('improvements.moveTo', { status: statusName(to) })}
                        size="small"
                        onClick={() => onMove(idea(), to)}
                      />
                    )}
                  </For>
                  <PictoButton pictogram="trash" label={t('app.delete')} size="small" variant="ghost" onClick={() => setDeleting(idea())} />
                </div>
              </Show>
            </IdeaCard>
          );
        }}
      </StatusColumns>
      <Show when={app.unlocked() && askingReason()}>
        {(idea) => (
          <ReasonDialog
            onSave={(reason) => void putOnHold(idea(), reason)}
            onClose={() => setAskingReason(null)}
          />
        )}
      </Show>
      <Show when={app.unlocked() && deleting()}>
        {(idea) => <ConfirmDelete title={pl(idea().pictogramId ?? PDCA_PICTOGRAM.idea)} onConfirm={() => void remove(idea())} onClose={() => setDeleting(null)} />}
      </Show>
    </Screen>
  );
}

/** "Why not now?": the proposer is told the reason, so it cannot be left out (ReasonRequired). */
function ReasonDialog(props: { onSave: (reason: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = createSignal('');
  const reasonId = createUniqueId();
  return (
    <Dialog title={t('improvement.status.notNow')} pictogram={PDCA_PICTOGRAM.notNow} onClose={() => props.onClose()}>
      <div class="field">
        <label for={reasonId}>{t('improvements.reason')}</label>
        <textarea id={reasonId} maxLength={NOT_NOW_REASON_MAX} rows={2} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
      </div>
      <div class="row">
        <PictoButton pictogram="save" label={t('app.save')} variant="primary" size="large" onClick={() => props.onSave(reason())} />
        <PictoButton pictogram="cancel" label={t('app.cancel')} size="large" onClick={() => props.onClose()} />
      </div>
    </Dialog>
  );
}
