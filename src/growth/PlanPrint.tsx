/**
 * The printable plan page (`/growth/print/:personId?from=&to=`), for the
 * follow-up meeting and for the referring authority: the person's place on
 * the ladder, the plan's goals with their progress, the agreed next step and
 * date, the history of follow-ups and ladder moves, and an attendance
 * summary for a chosen period. One A4 portrait page (the newest follow-ups
 * first, so a long history is what gets cut, never the plan).
 */
import { useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, For, onCleanup, Show } from 'solid-js';
import { useApp } from '../core/context';
import { GoalSteps, LadderView } from '../core/growth/LadderView';
import { useGrowthWords } from '../core/growth/names';
import { createLive } from '../core/live';
import { PictoButton, PictoLink } from '../core/ui';
import { attendanceRate } from '../domain/attendance';
import { addMonths, isValidIsoDate, parseIsoDate } from '../domain/dates';
import { currentStep, latestFollowUp, ladderMoves, ladderOf } from '../domain/growth';
import { ATTENDANCE_STATUSES, type AttendanceMark, type FollowUp, type PlanGoal } from '../domain/types';
import { useI18n } from '../i18n';
import { ATTENDANCE_PICTOGRAM } from '../pictograms/catalog';
import { Pictogram } from '../pictograms/Pictogram';
import { useMoveWords } from './PersonPlan';
import './growth.css';

/** The most follow-ups printed: the page stays one A4 sheet. */
const MAX_PRINTED_FOLLOW_UPS = 8;

export default function PlanPrint() {
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const app = useApp();
  const { t, pl, formatDate } = useI18n();
  const words = useGrowthWords();
  const moveWords = useMoveWords();
  const person = () => app.lookups.person(params.personId ?? '');
  const from = () => (typeof search.from === 'string' && isValidIsoDate(search.from) ? search.from : addMonths(app.today(), -3));
  const to = () => (typeof search.to === 'string' && isValidIsoDate(search.to) ? search.to : app.today());
  const key = () => {
    const wp = app.workplaceId();
    return wp && params.personId ? ([wp, params.personId] as const) : null;
  };
  const followUps = createLive(key, ([wp, id]) => app.repos.growth.followUps(wp, id), [] as FollowUp[]);
  const goals = createLive(key, ([wp, id]) => app.repos.growth.goals(wp, id), [] as PlanGoal[]);
  const marks = createLive(
    () => {
      const k = key();
      return k ? ([...k, from(), to()] as const) : null;
    },
    async ([wp, id, f, tt]) => (await app.repos.attendance.between(wp, f, tt)).filter((m) => m.personId === id && m.status !== null && m.deleted !== 1),
    [] as AttendanceMark[],
  );
  const ladder = () => ladderOf(app.workplace());
  const moves = createMemo(() => new Map(ladderMoves(followUps()).map((m) => [m.followUpId, m])));
  const latest = () => latestFollowUp(followUps());
  const counts = createMemo(() => ATTENDANCE_STATUSES.map((s) => ({ status: s, n: marks().filter((m) => m.status === s).length })).filter((c) => c.n > 0));
  const rate = () => attendanceRate(marks() as { date: string; status: NonNullable<AttendanceMark['status']> }[], app.workplace()?.openDays ?? [1, 2, 3, 4, 5]);
  const date = (d: string) => formatDate(parseIsoDate(d), { day: 'numeric', month: 'short', year: 'numeric' });
  const goalLabel = (g: PlanGoal) => g.text || pl(g.pictogramId);

  // The paper rule lives in <head> only while the page is open.
  createEffect(() => {
    const style = document.createElement('style');
    style.dataset.tavla = 'plan-print-page';
    style.textContent = '@page { size: A4 portrait; margin: 12mm; }';
    document.head.append(style);
    onCleanup(() => style.remove());
  });

  const print = () => {
    try {
      window.print();
    } catch {
      app.notify({ kind: 'error', pictogram: 'print', message: 'print.unavailable' });
    }
  };

  return (
    <div class="plan-print-page">
      <div class="plan-print-toolbar" role="toolbar" aria-label={t('growth.print.open')}>
        <PictoLink href={`/growth/person/${params.personId ?? ''}`} pictogram="back" label={t('app.back')} />
        <PictoButton pictogram="print" label={t('print.print')} variant="primary" onClick={print} />
        <label class="plan-print-period">
          <span>{t('growth.print.from')}</span>
          <input type="date" name="from" value={from()} max={to()} onChange={(e) => isValidIsoDate(e.currentTarget.value) && setSearch({ from: e.currentTarget.value }, { replace: true })} />
        </label>
        <label class="plan-print-period">
          <span>{t('growth.print.to')}</span>
          <input type="date" name="to" value={to()} min={from()} onChange={(e) => isValidIsoDate(e.currentTarget.value) && setSearch({ to: e.currentTarget.value }, { replace: true })} />
        </label>
      </div>
      <main class="plan-print-sheet" aria-label={t('growth.planOf', { name: person()?.firstName ?? '' })}>
        <header class="plan-print-head">
          <Pictogram id="plan" class="plan-print-logo" />
          <h1>{t('growth.planOf', { name: person()?.firstName ?? '' })}</h1>
          <p>
            {app.workplace()?.name} · {t('growth.print.printed', { date: date(app.today()) })}
          </p>
        </header>
        <section class="plan-print-section">
          <h2>
            <Pictogram id="ladder" />
            <span>{t('growth.ladder')}</span>
          </h2>
          <LadderView ladder={ladder()} current={currentStep(followUps())} compact label={t('growth.ladder')} />
          <Show when={latest()}>
            {(f) => (
              <p class="plan-print-next">
                <Show when={f().nextStep}>
                  <span>
                    <strong>{t('growth.me.nextStep')}:</strong> {f().nextStep}
                  </span>
                </Show>
                <Show when={f().nextDate}>
                  <span>
                    <strong>{t('growth.followUp.nextDate')}:</strong> {date(f().nextDate!)}
                  </span>
                </Show>
              </p>
            )}
          </Show>
        </section>
        <section class="plan-print-section">
          <h2>
            <Pictogram id="target" />
            <span>{t('growth.me.goals')}</span>
          </h2>
          <Show when={goals().length > 0} fallback={<p>{t('growth.goal.none')}</p>}>
            <ul class="plan-print-goals">
              <For each={goals()}>
                {(g) => (
                  <li>
                    <Pictogram id={g.pictogramId} />
                    <span class="plan-print-goal-text">{goalLabel(g)}</span>
                    <GoalSteps steps={g.steps} progress={g.progress} />
                    <span class="plan-print-since">{t('growth.print.since', { date: date(g.since) })}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
        <section class="plan-print-section">
          <h2>
            <Pictogram id="present" />
            <span>{t('growth.print.attendance', { from: date(from()), to: date(to()) })}</span>
          </h2>
          <Show when={counts().length > 0} fallback={<p>{t('growth.print.noAttendance')}</p>}>
            <ul class="plan-print-attendance">
              <For each={counts()}>
                {(c) => (
                  <li>
                    <Pictogram id={ATTENDANCE_PICTOGRAM[c.status]} />
                    <span>
                      {t(`status.${c.status}`)}: {c.n}
                    </span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={rate() !== null}>
              <p class="plan-print-rate">{t('growth.print.rate', { percent: Math.round((rate() ?? 0) * 100) })}</p>
            </Show>
          </Show>
        </section>
        <section class="plan-print-section">
          <h2>
            <Pictogram id="calendar" />
            <span>{t('growth.history')}</span>
          </h2>
          <Show when={followUps().length > 0} fallback={<p>{t('growth.followUp.none')}</p>}>
            <table class="plan-print-history">
              <thead>
                <tr>
                  <th scope="col">{t('growth.followUp.date')}</th>
                  <th scope="col">{t('growth.followUp.step')}</th>
                  <th scope="col">{t('growth.followUp.nextStep')}</th>
                  <th scope="col">{t('growth.followUp.note')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={[...followUps()].reverse().slice(0, MAX_PRINTED_FOLLOW_UPS)}>
                  {(f) => (
                    <tr>
                      <td>{date(f.date)}</td>
                      <td>{moves().get(f.id) ? moveWords(moves().get(f.id)!) : words.step(ladder().find((s) => s.id === f.step))}</td>
                      <td>{f.nextStep}</td>
                      <td>{f.note}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </section>
      </main>
    </div>
  );
}
