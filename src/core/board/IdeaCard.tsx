/**
 * One improvement idea as a card (improvement board, idea log, improvements
 * step of the meeting): its pictogram and that pictogram's name, the photo
 * and text, and who proposed it. Status and controls come in as children.
 * `IdeaReason`: why an idea was put aside ("not now"), when there is a reason.
 */
import { Show, type ParentProps } from 'solid-js';
import type { Improvement, Person } from '../../domain/types';
import { useI18n } from '../../i18n';
import { PDCA_PICTOGRAM } from '../../pictograms/catalog';
import { EntryCard } from './EntryCard';

export function IdeaCard(props: ParentProps<{ idea: Improvement; proposer: Person | undefined }>) {
  const { t, pl } = useI18n();
  const pictogram = () => props.idea.pictogramId ?? PDCA_PICTOGRAM.idea;
  return (
    <EntryCard
      class={`idea-card status-${props.idea.status}`}
      pictogram={pictogram()}
      title={pl(pictogram())}
      photo={props.idea.photo}
      text={props.idea.text}
      person={props.proposer}
      personLine={props.proposer ? t('improvements.proposedBy', { name: props.proposer.firstName }) : t('improvements.proposedByNobody')}
      date={props.idea.date}
    >
      {props.children}
    </EntryCard>
  );
}

export function IdeaReason(props: { idea: Improvement }) {
  const { t } = useI18n();
  return (
    <Show when={props.idea.status === 'notNow' && props.idea.reason}>
      <p class="idea-reason">
        <span class="idea-reason-label">{t('improvements.reason')}</span> <span>{props.idea.reason}</span>
      </p>
    </Show>
  );
}
