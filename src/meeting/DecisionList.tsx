/**
 * The decisions of a meeting as pictograms: what it was about (the idea's or
 * deviation's pictogram, the person's face, the task's pictogram), an arrow,
 * and what was decided (the new column, status or mark, or the faces of who
 * does the task), with the words beside as a second channel, naming what it
 * was about (the idea, the deviation with who does what, the task). Used on
 * the closing step and in the meeting log.
 */
import { For, Show } from 'solid-js';
import { FaceImage } from '../core/ui';
import type { AttendanceStatus, Deviation, DeviationStatus, Improvement, ImprovementStatus, MeetingDecision, Person, Task } from '../domain/types';
import { ATTENDANCE_STATUSES, DEVIATION_STATUSES, IMPROVEMENT_STATUSES } from '../domain/types';
import { useI18n } from '../i18n';
import { ATTENDANCE_PICTOGRAM, DEVIATION_PICTOGRAM, DEVIATION_STATUS_PICTOGRAM, PDCA_PICTOGRAM } from '../pictograms/catalog';
import { Pictogram } from '../pictograms/Pictogram';
import { DECISION_PICTOGRAM } from './steps/catalog';

export interface DecisionLookup {
  person: (id: string) => Person | undefined;
  idea: (id: string) => Improvement | undefined;
  deviation: (id: string) => Deviation | undefined;
  task: (id: string) => Task | undefined;
}

const isOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

export function DecisionList(props: { decisions: readonly MeetingDecision[]; lookup: DecisionLookup; label?: string }) {
  const { t, pl } = useI18n();

  const view = (d: MeetingDecision) => {
    switch (d.kind) {
      case 'moveIdea': {
        const idea = props.lookup.idea(d.refId);
        const to = isOf<ImprovementStatus>(IMPROVEMENT_STATUSES, d.value) ? d.value : null;
        const ideaName = idea ? idea.text || pl(idea.pictogramId ?? PDCA_PICTOGRAM.idea) : '';
        const where = to ? t(`improvement.status.${to}`) : d.value;
        return {
          subject: idea?.pictogramId ?? PDCA_PICTOGRAM.idea,
          value: to ? PDCA_PICTOGRAM[to] : DECISION_PICTOGRAM.other,
          text: t('meeting.decision.moveIdea', { value: ideaName ? `${where} – ${ideaName}` : where }),
        };
      }
      case 'deviationStatus': {
        const dev = props.lookup.deviation(d.refId);
        const to = isOf<DeviationStatus>(DEVIATION_STATUSES, d.value) ? d.value : null;
        const devName = dev ? dev.text || pl(dev.pictogramId ?? DEVIATION_PICTOGRAM[dev.category]) : '';
        // who does it and what: as recorded on the deviation when it was taken on or solved
        const responsible = dev?.responsibleId && to !== 'new' ? props.lookup.person(dev.responsibleId) : undefined;
        const who = [responsible?.firstName, to !== 'new' ? dev?.action : ''].filter(Boolean).join(': ');
        const parts = [to ? t(`deviation.status.${to}`) : d.value, devName, who].filter(Boolean);
        return {
          subject: dev ? (dev.pictogramId ?? DEVIATION_PICTOGRAM[dev.category]) : DECISION_PICTOGRAM.deviationStatus,
          value: to ? DEVIATION_STATUS_PICTOGRAM[to] : DECISION_PICTOGRAM.other,
          people: responsible ? [responsible] : undefined,
          text: t('meeting.decision.deviationStatus', { value: parts.join(' – ') }),
        };
      }
      case 'attendance': {
        const person = props.lookup.person(d.refId);
        const status = isOf<AttendanceStatus>(ATTENDANCE_STATUSES, d.value) ? d.value : null;
        const word = status ? t(`status.${status}`) : t('attendance.clearStatus');
        return {
          subject: DECISION_PICTOGRAM.attendance,
          person,
          value: status ? ATTENDANCE_PICTOGRAM[status] : 'cancel',
          text: t('meeting.decision.attendance', { value: person?.firstName ? `${person.firstName} – ${word}` : word }),
        };
      }
      case 'assignTask': {
        const task = props.lookup.task(d.refId);
        const people = d.value ? d.value.split(',').flatMap((id) => props.lookup.person(id) ?? []) : [];
        const names = people.map((p) => p.firstName).join(', ') || t('meeting.nobodyAssigned');
        const taskName = task ? task.text || pl(task.pictogramId) : '';
        return {
          subject: task?.pictogramId ?? DECISION_PICTOGRAM.assignTask,
          people,
          value: people.length ? undefined : 'cancel',
          text: t('meeting.decision.assignTask', { value: taskName ? `${taskName} – ${names}` : names }),
        };
      }
      default:
        return { subject: DECISION_PICTOGRAM[d.kind] ?? DECISION_PICTOGRAM.other, value: undefined, text: t('meeting.decision.other', { value: d.value }) };
    }
  };

  return (
    <Show
      when={props.decisions.length > 0}
      fallback={
        <p class="meeting-no-decisions">
          <Pictogram id="cancel" />
          <span>{t('meeting.noDecisions')}</span>
        </p>
      }
    >
      <ul class="decision-list" aria-label={props.label ?? t('meeting.decisions')}>
        <For each={props.decisions}>
          {(d) => {
            const v = view(d);
            return (
              <li class={`decision decision-${d.kind}`} data-kind={d.kind}>
                <span class="decision-pictures" aria-hidden="true">
                  <Show when={'person' in v && v.person} fallback={<Pictogram id={v.subject} class="decision-subject" />}>
                    <FaceImage person={'person' in v ? v.person : undefined} class="decision-subject" />
                  </Show>
                  <Pictogram id="next" class="decision-arrow" />
                  <Show when={v.value}>{(id) => <Pictogram id={id()} class="decision-value" />}</Show>
                  <Show when={'people' in v && v.people}>
                    {(people) => <For each={people()}>{(p) => <FaceImage person={p} class="decision-value" />}</For>}
                  </Show>
                </span>
                <span class="decision-text">{v.text}</span>
              </li>
            );
          }}
        </For>
      </ul>
    </Show>
  );
}
