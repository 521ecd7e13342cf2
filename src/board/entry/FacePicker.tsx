/**
 * "Who is it?": the workplace's people as big face buttons named by first
 * name, plus "Save without a name". One tap on a face is the last tap of an
 * entry flow, so the buttons go quiet while a save is under way (no double
 * entries from a double tap).
 */
import { createUniqueId, Show } from 'solid-js';
import { PictoButton } from '../../core/ui';
import type { Person } from '../../domain/types';
import { useI18n } from '../../i18n';
import { Pictogram } from '../../pictograms/Pictogram';
import { FaceGrid } from '../../core/board/FaceGrid';

export function FacePicker(props: {
  title: string;
  people: readonly Person[];
  onPick: (personId: string | null) => void;
  disabled?: boolean;
  /** the person marked as chosen (for picking someone, not for saving) */
  selected?: string | null;
  /** false hides "Save without a name" (e.g. when picking a responsible person) */
  allowNobody?: boolean;
  nobodyLabel?: string;
  nobodyPictogram?: string;
}) {
  const { t } = useI18n();
  const titleId = createUniqueId();
  return (
    <section class="entry-faces" aria-labelledby={titleId}>
      <h2 id={titleId} class="entry-step-title">
        <Pictogram id="people" />
        <span>{props.title}</span>
      </h2>
      <FaceGrid
        people={props.people}
        class="face-grid entry-face-grid"
        faceClass={(p) => (props.selected === p.id ? 'entry-face-selected' : '')}
        pressed={(p) => (props.selected === undefined ? undefined : props.selected === p.id)}
        disabled={props.disabled}
        onTap={(p) => props.onPick(p.id)}
      />
      <Show when={props.allowNobody !== false}>
        <PictoButton
          class="entry-nobody"
          pictogram={props.nobodyPictogram ?? 'save'}
          label={props.nobodyLabel ?? t('entry.saveWithoutName')}
          size="large"
          aria-pressed={props.selected === undefined ? undefined : props.selected === null}
          disabled={props.disabled}
          onClick={() => props.onPick(null)}
        />
      </Show>
    </section>
  );
}
