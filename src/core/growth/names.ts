/**
 * Words for the growth pieces (ladder steps, survey questions, skill
 * levels): the supervisor's own text when there is one, else the built-in
 * name of a default step or question, else the pictogram's label.
 */
import { isDefaultLadderStep, isDefaultSurveyQuestion, SKILL_NAMES } from '../../domain/growth';
import type { LadderStep, SkillLevel, SurveyQuestion } from '../../domain/types';
import { useI18n } from '../../i18n';

export function useGrowthWords() {
  const { t, pl } = useI18n();
  return {
    step: (s: Pick<LadderStep, 'id' | 'text' | 'pictogramId'> | undefined): string =>
      !s ? t('growth.step.none') : s.text || (isDefaultLadderStep(s.id) ? t(`growth.step.${s.id}`) : pl(s.pictogramId)),
    question: (q: Pick<SurveyQuestion, 'id' | 'text' | 'pictogramId'>): string =>
      q.text || (isDefaultSurveyQuestion(q.id) ? t(`growth.survey.q.${q.id}`) : pl(q.pictogramId)),
    level: (level: SkillLevel): string => t(`growth.skill.${SKILL_NAMES[level]}`),
  };
}
