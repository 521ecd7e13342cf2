/**
 * The participants' survey on the tablet (`/survey`): one question at a
 * time, a big pictogram and three smileys, every one spoken on tap — no
 * reading needed, pictures-only mode too. After the last question the
 * answers are stored with no person (see growthRepo.answerSurvey) and the
 * screen thanks them and waits for the next person. Nobody chooses their
 * face first: the survey never knows who answered.
 */
import { createSignal, For, Show } from 'solid-js';
import { useApp } from '../core/context';
import { useGrowthWords } from '../core/growth/names';
import { PictoButton, Screen } from '../core/ui';
import { MOOD_PICTOGRAM, SURVEY_SCALE, surveyOf } from '../domain/growth';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import './growth.css';

export default function SurveyPage() {
  const app = useApp();
  const { t } = useI18n();
  const words = useGrowthWords();
  const questions = () => surveyOf(app.workplace());
  const [index, setIndex] = createSignal(0);
  const [answers, setAnswers] = createSignal<Record<string, number>>({});
  const [finished, setFinished] = createSignal(false);
  const question = () => questions()[index()];

  const answer = async (value: number | null) => {
    const q = question();
    if (!q) return;
    const next = value === null ? answers() : { ...answers(), [q.id]: value };
    setAnswers(next);
    if (index() + 1 < questions().length) return setIndex(index() + 1);
    const wp = app.workplaceId();
    if (!wp) return;
    const saved = await app.run(async () => (await app.repos.growth.answerSurvey(wp, app.today(), questions(), next)) ?? true);
    if (saved) setFinished(true);
  };
  const restart = () => {
    setAnswers({});
    setIndex(0);
    setFinished(false);
  };

  return (
    <Screen title={t('growth.survey.title')} pictogram="survey" class="survey-screen">
      <Show
        when={!finished()}
        fallback={
          <div class="survey-thanks" role="status">
            <Pictogram id="heart" />
            <span>{t('growth.survey.thanks')}</span>
            <PictoButton pictogram="next" label={t('growth.survey.nextPerson')} variant="primary" size="large" onClick={restart} />
          </div>
        }
      >
        <Show when={question()} keyed>
          {(q) => (
            <div class="survey-question" data-question={q.id}>
              <ol class="survey-progress" aria-label={t('growth.survey.progress', { position: index() + 1, of: questions().length })} role="list">
                <For each={questions()}>{(_, i) => <li class={`survey-dot ${i() <= index() ? 'is-done' : ''}`} />}</For>
              </ol>
              <button type="button" class="survey-question-button plain" aria-label={words.question(q)} data-speak={words.question(q)}>
                <Pictogram id={q.pictogramId} class="survey-question-icon" />
              </button>
              <h2 class="survey-question-text">{words.question(q)}</h2>
              <div class="survey-faces" role="group" aria-label={words.question(q)}>
                <For each={[...SURVEY_SCALE].reverse()}>
                  {(v) => (
                    <PictoButton
                      pictogram={MOOD_PICTOGRAM[v]!}
                      label={t(`growth.survey.mood${v as 1 | 2 | 3}`)}
                      data-mood={v}
                      size="large"
                      onClick={() => void answer(v)}
                    />
                  )}
                </For>
              </div>
              <PictoButton pictogram="next" label={t('growth.survey.skip')} variant="ghost" onClick={() => void answer(null)} />
            </div>
          )}
        </Show>
      </Show>
    </Screen>
  );
}
