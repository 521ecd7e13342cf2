/**
 * Propose an idea in three taps: the board's "New idea" button, what the idea
 * is about (a pictogram tile), whose idea it is (a face). The idea is
 * credited to that face on the improvement board. See ../entry/EntryFlow.tsx.
 */
import { useApp } from '../../core/context';
import { useI18n } from '../../i18n';
import { SECTION_PICTOGRAM } from '../../pictograms/catalog';
import { EntryFlow, type EntryChoice, type EntryToSave } from '../entry/EntryFlow';
import { IDEA_PICKER_CATEGORIES, ideaSubjects } from './subjects';

export const IDEA_DRAFT_KEY = 'idea-draft';

export default function ProposeIdea() {
  const app = useApp();
  const { t, pl } = useI18n();
  const choices = (): EntryChoice[] =>
    app.workplace() ? ideaSubjects(app.workplace()?.activityType).map((id) => ({ id, pictogram: id, label: pl(id) })) : [];
  const propose = async (entry: EntryToSave, personId: string | null) => {
    const workplaceId = app.workplaceId();
    if (!workplaceId) return undefined;
    return app.repos.improvements.propose(workplaceId, {
      date: app.today(),
      pictogramId: entry.pictogramId ?? entry.choice,
      photo: entry.photo,
      text: entry.text,
      proposedBy: personId,
    });
  };
  return (
    <EntryFlow
      class="idea-entry"
      title={t('improvements.new')}
      pictogram={SECTION_PICTOGRAM.improvements}
      draftKey={IDEA_DRAFT_KEY}
      chooseTitle={t('improvements.chooseWhat')}
      whoTitle={t('improvements.chooseWho')}
      choices={choices()}
      pickerCategories={IDEA_PICKER_CATEGORIES}
      savedMessage="improvements.saved"
      save={propose}
      remove={(id) => app.repos.improvements.remove(id)}
    />
  );
}
