/**
 * The three-tap entry flow shared by "Report a deviation" and "New idea".
 *
 *   tap 1  the board's big button opens this screen
 *   tap 2  a big pictogram tile says what it is about
 *   tap 3  a face (or "Save without a name") saves at once
 *
 * The second screen also offers optional detail (a more specific picture, a
 * photo, a short text) above the faces, so nobody has to read or type to
 * finish. After saving: the big confirmation with undo, the draft is
 * forgotten, and the board is shown again.
 */
import { useNavigate } from '@solidjs/router';
import { createSignal, Index, Show } from 'solid-js';
import { useApp } from '../../core/context';
import { createLive } from '../../core/live';
import { PictoButton, Screen } from '../../core/ui';
import type { Person } from '../../domain/types';
import { clampShortText } from '../../domain/text';
import { useI18n, type MessageKey } from '../../i18n';
import type { PictogramCategory } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { DetailStep } from './DetailStep';
import { createEntryDraft, ENTRY_TEXT_MAX, type EntryValue } from './draft';
import { FacePicker } from './FacePicker';
import '../../core/board/entry.css';

export interface EntryChoice {
  id: string;
  pictogram: string;
  label: string;
}

/** What a flow saves: the entry with its text already cleaned. */
export type EntryToSave = EntryValue & { choice: string };

export function EntryFlow(props: {
  class: string;
  title: string;
  pictogram: string;
  draftKey: string;
  chooseTitle: string;
  whoTitle: string;
  choices: readonly EntryChoice[];
  /** categories offered by "Choose a picture" on the detail step */
  pickerCategories: PictogramCategory[];
  /** saves the entry, returning its id (or undefined when it failed and was reported) */
  save: (entry: EntryToSave, personId: string | null) => Promise<{ id: string } | undefined>;
  remove: (id: string) => Promise<unknown>;
  savedMessage: MessageKey;
}) {
  const app = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  // eslint-disable-next-line solid/reactivity -- a flow keeps one draft key for its lifetime
  const draft = createEntryDraft(props.draftKey);
  const people = createLive(() => app.workplaceId(), (id) => app.repos.persons.list(id), [] as Person[]);
  const [saving, setSaving] = createSignal(false);

  const chosen = () => props.choices.find((c) => c.id === draft.entry.choice);
  const shownPictogram = () => draft.entry.pictogramId ?? chosen()?.pictogram ?? props.pictogram;

  const save = async (personId: string | null) => {
    const choice = draft.entry.choice;
    if (saving() || choice === null) return;
    setSaving(true);
    const entry: EntryToSave = { ...draft.entry, choice, text: clampShortText(draft.entry.text, ENTRY_TEXT_MAX) };
    const saveEntry = props.save;
    const saved = await app.run(() => saveEntry(entry, personId));
    if (!saved) {
      setSaving(false);
      return;
    }
    await draft.finish();
    const removeEntry = props.remove;
    app.notify({
      kind: 'success',
      pictogram: shownPictogram(),
      message: props.savedMessage,
      undo: () => removeEntry(saved.id),
    });
    navigate('/');
  };

  const back = () => {
    if (draft.entry.choice === null) {
      draft.reset();
      navigate('/');
    } else {
      draft.update({ choice: null });
    }
  };

  return (
    <Screen
      title={props.title}
      pictogram={props.pictogram}
      class={`entry-screen ${props.class}`}
      actions={<PictoButton pictogram="back" label={t('app.back')} onClick={back} />}
    >
      <Show when={draft.ready()}>
        <Show
          when={chosen()}
          fallback={
            <section class="entry-choose" aria-labelledby="entry-choose-title">
              <h2 id="entry-choose-title" class="entry-step-title">
                <Pictogram id="tap" />
                <span>{props.chooseTitle}</span>
              </h2>
              <ul class="entry-tiles" role="list">
                {/* Index, not For: the choices are rebuilt when labels load; the tiles must stay put under a finger */}
                <Index each={props.choices}>
                  {(c) => (
                    <li>
                      <PictoButton pictogram={c().pictogram} label={c().label} variant="tile" onClick={() => draft.update({ choice: c().id, pictogramId: null })} />
                    </li>
                  )}
                </Index>
              </ul>
            </section>
          }
        >
          {(c) => (
            <>
              <p class="entry-chosen screen-summary">
                <Pictogram id={shownPictogram()} />
                <span>{c().label}</span>
              </p>
              <DetailStep
                entry={draft.entry}
                onChange={(patch) => draft.update(patch)}
                pictogram={shownPictogram()}
                pickerCategories={props.pickerCategories}
              />
              <FacePicker title={props.whoTitle} people={people()} onPick={(id) => void save(id)} disabled={saving()} />
            </>
          )}
        </Show>
      </Show>
    </Screen>
  );
}
