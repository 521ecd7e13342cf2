/**
 * One deviation or idea on its board: its picture (the photo when there is
 * one, beside the pictogram), the text, who gave it (face and first name)
 * and the day. Supervisor controls come in as children.
 */
import { createUniqueId, Show, type ParentProps } from 'solid-js';
import { FaceImage, useBlobUrl } from '../ui';
import type { Person } from '../../domain/types';
import { parseIsoDate } from '../../domain/dates';
import { useI18n } from '../../i18n';
import { Pictogram } from '../../pictograms/Pictogram';

export function EntryCard(
  props: ParentProps<{
    class?: string;
    pictogram: string;
    /** what the pictogram stands for, e.g. the category's name */
    title: string;
    photo: string | null;
    text: string;
    person: Person | undefined;
    /** e.g. "Idea from Aya" or "Reported by Aya" */
    personLine: string;
    date: string;
  }>,
) {
  const { t, formatDate } = useI18n();
  const photoUrl = useBlobUrl(() => props.photo);
  const titleId = createUniqueId();
  return (
    <article class={`entry-card ${props.class ?? ''}`} aria-labelledby={titleId}>
      <div class="entry-card-pictures">
        <Pictogram id={props.pictogram} class="entry-card-pictogram" />
        <Show when={photoUrl()}>
          <img src={photoUrl()} alt={t('entry.photo')} class="entry-card-photo" draggable={false} />
        </Show>
      </div>
      <h3 id={titleId} class="entry-card-title">
        {props.title}
      </h3>
      <Show when={props.text}>
        {/* free text may be in another script than the UI (an English note on an Arabic board): its own direction */}
        <p class="entry-card-text" dir="auto">
          {props.text}
        </p>
      </Show>
      <p class="entry-card-person">
        <FaceImage person={props.person} class="entry-card-face" />
        <span>{props.personLine}</span>
      </p>
      <p class="entry-card-date">
        <Pictogram id="calendar" />
        <span>{formatDate(parseIsoDate(props.date), { day: 'numeric', month: 'long' })}</span>
      </p>
      {props.children}
    </article>
  );
}
