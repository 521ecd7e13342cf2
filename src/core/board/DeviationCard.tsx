/**
 * One deviation as a card (deviation board, deviation log, safety step of
 * the meeting): its category's pictogram and name, the photo and text, and
 * who reported it. Status and controls come in as children.
 * `DeviationHandling`: who is responsible and the action, when set.
 */
import { Show, type ParentProps } from 'solid-js';
import type { Deviation, Person } from '../../domain/types';
import { useI18n } from '../../i18n';
import { DEVIATION_PICTOGRAM } from '../../pictograms/catalog';
import { EntryCard } from './EntryCard';

export function DeviationCard(props: ParentProps<{ deviation: Deviation; reporter: Person | undefined }>) {
  const { t } = useI18n();
  const d = () => props.deviation;
  return (
    <EntryCard
      class={`deviation-card status-${d().status}`}
      pictogram={d().pictogramId ?? DEVIATION_PICTOGRAM[d().category]}
      title={t(`deviation.category.${d().category}`)}
      photo={d().photo}
      text={d().text}
      person={props.reporter}
      personLine={`${t('deviations.reportedBy')}: ${props.reporter?.firstName ?? t('entry.noName')}`}
      date={d().date}
    >
      {props.children}
    </EntryCard>
  );
}

export function DeviationHandling(props: { responsible: Person | undefined; action: string }) {
  const { t } = useI18n();
  return (
    <Show when={props.responsible || props.action}>
      <dl class="deviation-handling">
        <Show when={props.responsible}>
          <dt>{t('deviations.responsible')}</dt>
          <dd>{props.responsible?.firstName}</dd>
        </Show>
        <Show when={props.action}>
          <dt>{t('deviations.action')}</dt>
          <dd>{props.action}</dd>
        </Show>
      </dl>
    </Show>
  );
}
