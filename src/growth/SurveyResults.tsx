/**
 * The survey's results for the workplace meeting (`/growth/survey`): one
 * chart per question, how many chose each smiley in the chosen week. With
 * fewer than SURVEY_MIN_GROUP answers nothing is shown (only how many more
 * are needed), so no one's answer can be picked out. The supervisor edits
 * the questions here and opens the survey on this tablet for the team.
 */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { AdminScreen } from '../core/admin';
import { useApp } from '../core/context';
import { useGrowthWords } from '../core/growth/names';
import { createLive } from '../core/live';
import { PictoButton, PictoLink } from '../core/ui';
import { DEFAULT_SURVEY, MAX_SURVEY_QUESTIONS, MOOD_PICTOGRAM, SURVEY_MIN_GROUP, surveyOf, surveyResults, surveyWeek } from '../domain/growth';
import { parseIsoDate } from '../domain/dates';
import type { SurveyAnswer, SurveyQuestion } from '../domain/types';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { newQuestionId } from './ids';
import { PictogramListEditor } from './PictogramListEditor';
import './growth.css';

function QuestionsEditor(props: { onClose: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const words = useGrowthWords();
  const inWords = (qs: readonly SurveyQuestion[]) => qs.map((q) => ({ ...q, text: words.question(q) }));
  return (
    <PictogramListEditor<SurveyQuestion>
      title={t('growth.survey.edit')}
      pictogram="edit"
      initial={inWords(surveyOf(app.workplace()))}
      itemLabel={(number) => t('growth.survey.questionN', { number })}
      textLabel={t('growth.survey.question')}
      namePrefix="question"
      maxLength={80}
      max={MAX_SURVEY_QUESTIONS}
      categories={['misc', 'goal', 'idea', 'ui', 'task']}
      addLabel={t('growth.survey.addQuestion')}
      newItem={() => ({ id: newQuestionId(), pictogramId: 'question', text: '' })}
      extra={(set) => <PictoButton pictogram="undo" label={t('growth.survey.defaults')} onClick={() => set(inWords(DEFAULT_SURVEY))} />}
      save={(questions) => app.repos.growth.setSurveyQuestions(app.workplaceId() ?? '', questions)}
      onClose={() => props.onClose()}
    />
  );
}

export default function SurveyResults() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const words = useGrowthWords();
  const weeks = createLive(() => app.workplaceId(), (wp) => app.repos.growth.surveyWeeks(wp), [] as string[]);
  const [chosen, setChosen] = createSignal<string | null>(null);
  const week = () => chosen() ?? weeks()[0] ?? surveyWeek(app.today());
  const answers = createLive(
    () => {
      const wp = app.workplaceId();
      return wp ? ([wp, week()] as const) : null;
    },
    ([wp, w]) => app.repos.growth.surveyAnswers(wp, w),
    [] as SurveyAnswer[],
  );
  const questions = () => surveyOf(app.workplace());
  const result = createMemo(() => surveyResults(questions(), answers()));
  const [editing, setEditing] = createSignal(false);
  const weekWords = (w: string) => t('growth.survey.weekOf', { date: formatDate(parseIsoDate(w), { day: 'numeric', month: 'short' }) });

  return (
    <AdminScreen title={t('growth.survey.results')} pictogram="bar-chart" class="growth-screen survey-results-screen">
      <div class="row">
        <PictoLink href="/growth" pictogram="plan" label={t('growth.title')} />
        <A href="/survey" class="picto-button primary normal" aria-label={t('growth.survey.open')}>
          <Pictogram id="survey" class="picto-button-icon" />
          <span class="label">{t('growth.survey.open')}</span>
        </A>
        <PictoButton pictogram="edit" label={t('growth.survey.edit')} onClick={() => setEditing(true)} />
      </div>
      <p class="hint">
        <Pictogram id="lock" class="growth-status-icon" />
        <span>{t('growth.survey.anonymous', { min: SURVEY_MIN_GROUP })}</span>
      </p>
      <Show when={weeks().length > 1}>
        <div class="survey-weeks" role="group" aria-label={t('growth.survey.week')}>
          <For each={weeks()}>{(w) => <PictoButton pictogram="calendar" label={weekWords(w)} aria-pressed={w === week()} size="small" onClick={() => setChosen(w)} />}</For>
        </div>
      </Show>
      <h2 class="survey-week-title">{weekWords(week())}</h2>
      <Show
        when={!result().hidden}
        fallback={
          <p class="survey-hidden" role="status" data-answered={result().answered}>
            <Pictogram id="lock" />
            <span>{t('growth.survey.tooFew', { count: result().answered, min: SURVEY_MIN_GROUP })}</span>
          </p>
        }
      >
        <p class="survey-answered" data-answered={result().answered}>
          {t('growth.survey.answered', { count: result().answered })}
        </p>
        <div class="survey-chart" data-survey-chart>
          <For each={result().questions}>
            {(r) => {
              const q = () => questions().find((x) => x.id === r.questionId)!;
              return (
                <section class="survey-result" data-question={r.questionId} aria-label={words.question(q())}>
                  <Pictogram id={q().pictogramId} />
                  <h3 class="survey-result-title">{words.question(q())}</h3>
                  <Show when={r.counts} fallback={<p class="survey-hidden">{t('growth.survey.tooFew', { count: r.n, min: SURVEY_MIN_GROUP })}</p>}>
                    {(counts) => (
                      <ul class="survey-bars" role="list">
                        <For each={[3, 2, 1]}>
                          {(v) => (
                            <li class={`survey-bar mood-${v}`} data-mood={v} data-count={counts()[v - 1]}>
                              <Pictogram id={MOOD_PICTOGRAM[v]!} />
                              <span class="survey-bar-track" aria-hidden="true">
                                <span class="survey-bar-fill" style={{ width: `${r.n ? ((counts()[v - 1] ?? 0) / r.n) * 100 : 0}%` }} />
                              </span>
                              <span class="survey-bar-n">
                                <span class="sr-only">{t(`growth.survey.mood${v as 1 | 2 | 3}`)}: </span>
                                {counts()[v - 1]}
                              </span>
                            </li>
                          )}
                        </For>
                      </ul>
                    )}
                  </Show>
                </section>
              );
            }}
          </For>
        </div>
      </Show>
      <Show when={editing()}>
        <QuestionsEditor onClose={() => setEditing(false)} />
      </Show>
    </AdminScreen>
  );
}
