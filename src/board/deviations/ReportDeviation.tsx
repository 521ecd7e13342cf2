/**
 * Report a deviation in three taps: the board's button, what happened (a
 * category tile), who is reporting (a face). Photo, picture and text are
 * optional detail on the way. See ../entry/EntryFlow.tsx.
 */
import { useApp } from '../../core/context';
import type { DeviationCategory } from '../../domain/types';
import { useI18n } from '../../i18n';
import { DEVIATION_PICTOGRAM, SECTION_PICTOGRAM } from '../../pictograms/catalog';
import { EntryFlow, type EntryChoice, type EntryToSave } from '../entry/EntryFlow';

export const DEVIATION_DRAFT_KEY = 'deviation-draft';

export default function ReportDeviation() {
  const app = useApp();
  const { t } = useI18n();
  const choices = (): EntryChoice[] =>
    (app.workplace()?.deviationCategories ?? []).map((c) => ({
      id: c,
      pictogram: DEVIATION_PICTOGRAM[c],
      label: t(`deviation.category.${c}`),
    }));
  const report = async (entry: EntryToSave, personId: string | null) => {
    const workplaceId = app.workplaceId();
    if (!workplaceId) return undefined;
    return app.repos.deviations.report(workplaceId, {
      category: entry.choice as DeviationCategory,
      date: app.today(),
      pictogramId: entry.pictogramId,
      photo: entry.photo,
      text: entry.text,
      reportedBy: personId,
    });
  };
  return (
    <EntryFlow
      class="deviation-entry"
      title={t('deviations.report')}
      pictogram={SECTION_PICTOGRAM.deviations}
      draftKey={DEVIATION_DRAFT_KEY}
      chooseTitle={t('deviations.chooseCategory')}
      whoTitle={t('deviations.chooseWho')}
      choices={choices()}
      pickerCategories={['deviation', 'tool']}
      savedMessage="deviations.saved"
      save={report}
      remove={(id) => app.repos.deviations.remove(id)}
    />
  );
}
