/**
 * Deviations: everything reported, in three columns (new → being handled →
 * solved). Anyone can report from here. In supervisor mode each card also
 * gets tap-to-move buttons (only the moves the rules allow), "responsible
 * and action" (a face and a short text) and delete; every such action checks
 * the mode again, so a lock in between wins.
 */
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import { useApp } from '../../core/context';
import { Dialog, PictoButton, PictoLink, Screen } from '../../core/ui';
import { DEVIATION_STATUSES, type Deviation, type DeviationStatus, type Person } from '../../domain/types';
import { allowedDeviationMoves, DEVIATION_ACTION_MAX } from '../../domain/deviations';
import { clampShortText } from '../../domain/text';
import { useI18n } from '../../i18n';
import { DEVIATION_STATUS_PICTOGRAM, SECTION_PICTOGRAM } from '../../pictograms/catalog';
import { ConfirmDelete } from '../entry/ConfirmDelete';
import { StatusColumns } from '../../core/board/Columns';
import { DeviationCard, DeviationHandling } from '../../core/board/DeviationCard';
import { FacePicker } from '../entry/FacePicker';
import { createBoardData } from '../../core/board/boardData';
import '../../core/board/entry.css';

const COLUMNS = DEVIATION_STATUSES.map((s) => ({ key: s, pictogram: DEVIATION_STATUS_PICTOGRAM[s] }));

export default function DeviationsPage() {
  const app = useApp();
  const { t } = useI18n();
  const board = createBoardData();
  const [handling, setHandling] = createSignal<Deviation | null>(null);
  const [deleting, setDeleting] = createSignal<Deviation | null>(null);

  const statusName = (s: DeviationStatus) => t(`deviation.status.${s}`);
  const newestFirst = createMemo(() => [...board.deviations()].sort((a, b) => b.createdAt - a.createdAt));

  const move = async (d: Deviation, to: DeviationStatus) => {
    if (!app.unlocked()) return;
    const moved = await app.run(() => app.repos.deviations.setStatus(d.id, to));
    if (moved) app.notify({ kind: 'success', pictogram: DEVIATION_STATUS_PICTOGRAM[to], message: 'app.saved' });
  };

  const remove = async (d: Deviation) => {
    setDeleting(null);
    if (!app.unlocked()) return;
    await app.run(() => app.repos.deviations.remove(d.id));
  };

  return (
    <Screen title={t('deviations.title')} pictogram={SECTION_PICTOGRAM.deviations} class="deviations-screen">
      <div class="entry-new">
        <PictoLink href="/deviations/new" pictogram="plus" label={t('deviations.report')} variant="primary" />
      </div>
      <StatusColumns
        label={t('deviations.title')}
        columns={COLUMNS}
        title={statusName}
        items={(s) => newestFirst().filter((d) => d.status === s)}
        empty={t('deviations.none')}
      >
        {(d) => {
          const reporter = () => board.personById().get(d().reportedBy ?? '');
          const responsible = () => board.personById().get(d().responsibleId ?? '');
          return (
            <DeviationCard deviation={d()} reporter={reporter()}>
              <DeviationHandling responsible={responsible()} action={d().action} />
              <Show when={app.unlocked()}>
                <div class="entry-card-actions">
                  <For each={allowedDeviationMoves(d().status)}>
                    {(to) => (
                      <PictoButton
                        pictogram={DEVIATION_STATUS_PICTOGRAM[to]}
                        label={t('deviations.moveTo', { status: statusName(to) })}
                        size="small"
                        onClick={() => void move(d(), to)}
                      />
                    )}
                  </For>
                  <PictoButton pictogram="edit" label={t('deviations.handle')} size="small" onClick={() => setHandling(d())} />
                  <PictoButton pictogram="trash" label={t('app.delete')} size="small" variant="ghost" onClick={() => setDeleting(d())} />
                </div>
              </Show>
            </DeviationCard>
          );
        }}
      </StatusColumns>
      <Show when={app.unlocked() && handling()}>
        {(d) => <HandlingDialog deviation={d()} people={board.people()} onClose={() => setHandling(null)} />}
      </Show>
      <Show when={app.unlocked() && deleting()}>
        {(d) => <ConfirmDelete title={t(`deviation.category.${d().category}`)} onConfirm={() => void remove(d())} onClose={() => setDeleting(null)} />}
      </Show>
    </Screen>
  );
}

/** Supervisor: who takes care of a deviation and what is done about it. */
function HandlingDialog(props: { deviation: Deviation; people: readonly Person[]; onClose: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  // eslint-disable-next-line solid/reactivity -- the dialog edits a copy; it starts from the card's values
  const [responsibleId, setResponsibleId] = createSignal<string | null>(props.deviation.responsibleId);
  // eslint-disable-next-line solid/reactivity -- as above
  const [action, setAction] = createSignal(props.deviation.action);
  const actionId = createUniqueId();

  const save = async () => {
    if (!app.unlocked()) return;
    const id = props.deviation.id;
    const patch = { responsibleId: responsibleId(), action: clampShortText(action(), DEVIATION_ACTION_MAX) };
    const saved = await app.run(() => app.repos.deviations.update(id, patch));
    if (saved !== undefined) {
      app.notify({ kind: 'success', pictogram: 'check', message: 'app.saved' });
      props.onClose();
    }
  };

  return (
    <Dialog title={t('deviations.handle')} pictogram="edit" onClose={() => props.onClose()}>
      <FacePicker
        title={t('deviations.responsible')}
        people={props.people}
        selected={responsibleId()}
        nobodyLabel={t('app.nobody')}
        nobodyPictogram="cancel"
        onPick={setResponsibleId}
      />
      <div class="field">
        <label for={actionId}>{t('deviations.action')}</label>
        <textarea id={actionId} maxLength={DEVIATION_ACTION_MAX} rows={2} value={action()} onInput={(e) => setAction(e.currentTarget.value)} />
      </div>
      <div class="row">
        <PictoButton pictogram="save" label={t('app.save')} variant="primary" size="large" onClick={() => void save()} />
        <PictoButton pictogram="cancel" label={t('app.cancel')} size="large" onClick={() => props.onClose()} />
      </div>
    </Dialog>
  );
}
