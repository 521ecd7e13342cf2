/**
 * The day's board as a poster (/print/board?date=YYYY-MM-DD&size=a3|a4):
 * big pictograms, names and counts for the five sections, laid out for one
 * landscape A3 sheet (or A4). The `@page` size follows the chosen paper and
 * is put in the document head only while this page is open.
 *
 * One sheet whatever the day holds: the poster is laid out at the paper's
 * printable width on screen and on paper alike, measured, and zoomed down
 * (CSS zoom, which shrinks the layout itself) until its height fits the
 * sheet — a busy day with many people, tasks and deviations prints smaller,
 * never on a second page.
 *
 * Printing is `window.print()` and nothing more. With no printer (or no
 * print dialog at all, e.g. in a kiosk browser) nothing is lost: this is
 * just a page, it stays on screen, and a clear message says so.
 */
import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import { useApp } from '../../core/context';
import { FaceImage, PictoButton, PictoLink } from '../../core/ui';
import { isValidIsoDate, isoWeekday, parseIsoDate } from '../../domain/dates';
import { deviationsOn, improvementsOn } from '../../domain/history';
import { useI18n } from '../../i18n';
import {
  ACTIVITY_PICTOGRAM,
  ATTENDANCE_PICTOGRAM,
  DEVIATION_PICTOGRAM,
  DEVIATION_STATUS_PICTOGRAM,
  PDCA_PICTOGRAM,
  SECTION_PICTOGRAM,
  STATUS_PICTOGRAM,
  WEEKDAY_PICTOGRAM,
} from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { SafetyCross } from '../../core/board/SafetyCross';
import { createGoalViews } from '../../core/board/goalStatus';
import { createBoardData } from '../../core/board/boardData';
import './print.css';

export type PaperSize = 'a3' | 'a4';

/** The `@page` rule for a paper size: always landscape, a small margin. */
export function pageRule(size: PaperSize): string {
  return `@page { size: ${size === 'a4' ? 'A4' : 'A3'} landscape; margin: ${size === 'a4' ? 8 : 12}mm; }`;
}

/** The printable area of each sheet (landscape, minus the `@page` margins of pageRule), in mm. */
export const PRINTABLE_MM: Record<PaperSize, { width: number; height: number }> = {
  a3: { width: 420 - 2 * 12, height: 297 - 2 * 12 },
  a4: { width: 297 - 2 * 8, height: 210 - 2 * 8 },
};
const PX_PER_MM = 96 / 25.4;
/** a little room for rounding between screen and paper layout */
const SAFETY_PX = 6;

/** The zoom that makes a poster `heightPx` tall (at zoom 1) fit the sheet's height: at most 1. */
export function fitZoom(size: PaperSize, heightPx: number): number {
  if (!(heightPx > 0)) return 1;
  const available = PRINTABLE_MM[size].height * PX_PER_MM - SAFETY_PX;
  return Math.min(1, Math.floor((available / heightPx) * 1000) / 1000);
}

export default function PrintBoard() {
  const app = useApp();
  const { t, pl, formatDate, formatNumber } = useI18n();
  const [params, setParams] = useSearchParams<{ date?: string; size?: string }>();
  const day = () => (params.date && isValidIsoDate(params.date) ? params.date : app.today());
  const badDate = () => !!params.date && !isValidIsoDate(params.date);
  const size = (): PaperSize => (params.size === 'a4' ? 'a4' : 'a3');

  const board = createBoardData(day);
  const goals = createGoalViews(board);
  const deviations = createMemo(() => deviationsOn(board.deviations(), day()));
  const ideas = createMemo(() => improvementsOn(board.improvements(), day()));
  const open = createMemo(() => deviations().filter((d) => d.status !== 'solved'));
  const ideaCount = (s: string) => ideas().filter((i) => i.status === s).length;
  const doneTasks = () => board.tasks().filter((x) => x.doneAt).length;
  const areaOrder = createMemo(() => new Map(board.areas().map((a, i) => [a.id, i])));
  const tasks = createMemo(() => {
    const order = areaOrder();
    return [...board.tasks()].sort((a, b) => (order.get(a.workAreaId) ?? 99) - (order.get(b.workAreaId) ?? 99) || a.createdAt - b.createdAt);
  });
  const dateText = () => formatDate(parseIsoDate(day()), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

  // The paper size rule lives in <head> only while the poster is open.
  createEffect(() => {
    const style = document.createElement('style');
    style.dataset.tavla = 'print-page';
    style.textContent = pageRule(size());
    document.head.append(style);
    onCleanup(() => style.remove());
  });

  // Fit the poster to one sheet: measure at zoom 1 whenever what it shows changes.
  let poster: HTMLElement | undefined;
  let sheet: HTMLDivElement | undefined;
  const [fit, setFit] = createSignal(1);
  /** on screen the preview also shrinks to the screen's width (the paper is wider than a tablet) */
  const [preview, setPreview] = createSignal(1);
  const measure = () => {
    if (sheet) {
      const room = sheet.clientWidth - 2 * 16;
      setPreview(Math.min(1, Math.floor((room / (PRINTABLE_MM[size()].width * PX_PER_MM)) * 1000) / 1000));
    }
    if (!poster) return;
    poster.style.zoom = '1';
    const height = poster.getBoundingClientRect().height;
    poster.style.zoom = '';
    setFit(fitZoom(size(), height));
  };
  let frame = 0;
  const measureSoon = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(measure);
  };
  createEffect(
    on(
      () => [size(), board.people(), board.markOf(), tasks(), open(), ideas(), goals(), app.workplace()?.name],
      () => measureSoon(),
    ),
  );
  onMount(() => {
    void document.fonts?.ready.then(measureSoon);
    window.addEventListener('beforeprint', measure);
    window.addEventListener('resize', measureSoon);
    // sections change height as pictures and photos load (not every browser has the observer)
    const images = typeof ResizeObserver === 'function' ? new ResizeObserver(() => measureSoon()) : undefined;
    if (poster && images) for (const section of Array.from(poster.children)) images.observe(section);
    onCleanup(() => {
      cancelAnimationFrame(frame);
      images?.disconnect();
      window.removeEventListener('beforeprint', measure);
      window.removeEventListener('resize', measureSoon);
    });
  });

  const print = () => {
    measure();
    try {
      if (typeof window.print !== 'function') throw new Error('window.print is missing');
      window.print();
    } catch (err) {
      console.warn('printing failed', err);
      app.notify({ kind: 'error', pictogram: 'print', message: 'print.unavailable' });
    }
  };

  return (
    <div
      class={`print-page size-${size()}`}
      style={{ '--paper-w': `${PRINTABLE_MM[size()].width}mm`, '--paper-h': `${PRINTABLE_MM[size()].height}mm`, '--fit': String(fit()), '--preview': String(preview()) }}
      data-fit={fit()}
    >
      <div class="print-toolbar" role="toolbar" aria-label={t('print.title')}>
        <PictoLink href={day() === app.today() ? '/' : `/history/${day()}`} pictogram="back" label={t('app.back')} />
        <PictoButton pictogram="print" label={t('print.print')} variant="primary" size="large" onClick={print} />
        <div class="print-sizes" role="group" aria-label={t('print.size')}>
          <PictoButton pictogram="print" label={t('print.sizeA3')} aria-pressed={size() === 'a3'} onClick={() => setParams({ size: 'a3' }, { replace: true })} />
          <PictoButton pictogram="print" label={t('print.sizeA4')} aria-pressed={size() === 'a4'} onClick={() => setParams({ size: 'a4' }, { replace: true })} />
        </div>
        <p class="print-hint" role="note">
          <Pictogram id="info" />
          <span>{t('print.hint')}</span>
        </p>
        <Show when={badDate()}>
          <p class="form-error" role="alert">
            {t('error.invalidDate')}
          </p>
        </Show>
      </div>

      <div class="print-sheet" ref={sheet}>
      <main ref={poster} class="print-poster" aria-label={t('history.boardOf', { date: dateText() })}>
        <header class="print-head">
          <Pictogram id={WEEKDAY_PICTOGRAM[isoWeekday(day())]} class="print-weekday" />
          <h1 class="print-date">{dateText()}</h1>
          <Show when={app.workplace()}>
            {(wp) => (
              <p class="print-workplace">
                <Pictogram id={ACTIVITY_PICTOGRAM[wp().activityType]} />
                <span>{wp().name}</span>
              </p>
            )}
          </Show>
        </header>

        <section class="print-section print-attendance" aria-labelledby="print-attendance">
          <h2 id="print-attendance" class="print-title">
            <Pictogram id={SECTION_PICTOGRAM.attendance} />
            <span>{t('section.attendance')}</span>
            <span class="print-count">
              {t('board.hereCount', { here: board.attendance().here, total: board.attendance().total })}
            </span>
          </h2>
          <ul class="print-people">
            <For each={board.people()}>
              {(p) => {
                const status = () => board.markOf().get(p.id)?.status ?? null;
                return (
                  <li class={`print-person status-${status() ?? 'none'}`}>
                    <FaceImage person={p} />
                    <span class="print-name">{p.firstName}</span>
                    <Show when={status()} fallback={<span class="print-status-word">{t('status.none')}</span>}>
                      {(s) => (
                        <span class="print-status-word">
                          <Pictogram id={ATTENDANCE_PICTOGRAM[s()]} />
                          {t(`status.${s()}`)}
                        </span>
                      )}
                    </Show>
                  </li>
                );
              }}
            </For>
          </ul>
        </section>

        <section class="print-section print-goals" aria-labelledby="print-goals">
          <h2 id="print-goals" class="print-title">
            <Pictogram id={SECTION_PICTOGRAM.goals} />
            <span>{t('section.goals')}</span>
          </h2>
          <div class="print-goals-body">
            <ul class="print-goal-list">
              <For each={goals()} fallback={<li>{t('board.noGoals')}</li>}>
                {(g) => (
                  <li class={`print-goal color-${g.color}`}>
                    <Pictogram id={g.goal.pictogramId} class="print-goal-icon" />
                    <span class="print-goal-name">{g.goal.text || pl(g.goal.pictogramId)}</span>
                    <span class="print-goal-value">
                      {g.goal.target.kind === 'count'
                        ? t('goals.progress', { progress: g.progress, target: g.goal.target.target })
                        : g.progress >= 1
                          ? t('goals.done')
                          : t('goals.notDone')}
                    </span>
                    <Pictogram id={STATUS_PICTOGRAM[g.color]} class="print-goal-status" />
                  </li>
                )}
              </For>
            </ul>
            <div class="print-cross">
              <SafetyCross compact date={day()} deviations={deviations()} />
            </div>
          </div>
        </section>

        <section class="print-section print-work" aria-labelledby="print-work">
          <h2 id="print-work" class="print-title">
            <Pictogram id={SECTION_PICTOGRAM.work} />
            <span>{t('section.work')}</span>
            <span class="print-count">
              {board.tasks().length ? t('board.tasksSummary', { done: doneTasks(), total: board.tasks().length }) : t('board.noTasks')}
            </span>
          </h2>
          <ul class="print-tasks">
            <For each={tasks()}>
              {(task) => (
                <li class={`print-task ${task.doneAt ? 'is-done' : ''}`}>
                  <Pictogram id={task.pictogramId} class="print-task-icon" />
                  <span class="print-task-name">{task.text || pl(task.pictogramId)}</span>
                  <span class="print-task-people">
                    {task.assignees.flatMap((id) => board.personById().get(id)?.firstName ?? []).join(', ')}
                  </span>
                  <Show when={task.doneAt}>
                    <Pictogram id="check" class="print-task-done" />
                    <span class="sr-only">{t('work.doneBy')}</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </section>

        <section class="print-section print-deviations" aria-labelledby="print-deviations">
          <h2 id="print-deviations" class="print-title">
            <Pictogram id={SECTION_PICTOGRAM.deviations} />
            <span>{t('section.deviations')}</span>
            <span class="print-count">{open().length ? t('board.openDeviations', { count: open().length }) : t('deviations.none')}</span>
          </h2>
          <ul class="print-deviation-list">
            <For each={open()}>
              {(d) => (
                <li class={`print-deviation status-${d.status}`}>
                  <Pictogram id={d.pictogramId ?? DEVIATION_PICTOGRAM[d.category]} class="print-deviation-icon" />
                  <span class="print-deviation-text">
                    <strong>{t(`deviation.category.${d.category}`)}</strong>
                    <Show when={d.text}>
                      <span> – {d.text}</span>
                    </Show>
                  </span>
                  <span class="print-status-word">
                    <Pictogram id={DEVIATION_STATUS_PICTOGRAM[d.status]} />
                    {t(`deviation.status.${d.status}`)}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </section>

        <section class="print-section print-improvements" aria-labelledby="print-improvements">
          <h2 id="print-improvements" class="print-title">
            <Pictogram id={SECTION_PICTOGRAM.improvements} />
            <span>{t('section.improvements')}</span>
          </h2>
          <ul class="print-pdca">
            <For each={['idea', 'planned', 'doing', 'done'] as const}>
              {(s) => (
                <li>
                  <Pictogram id={PDCA_PICTOGRAM[s]} />
                  <span class="print-pdca-count">{formatNumber(ideaCount(s))}</span>
                  <span class="print-pdca-word">{t(`improvement.status.${s}`)}</span>
                </li>
              )}
            </For>
          </ul>
          <ul class="print-idea-list">
            <For each={ideas().filter((i) => i.status === 'planned' || i.status === 'doing' || i.status === 'idea')}>
              {(i) => (
                <li>
                  <Pictogram id={i.pictogramId ?? PDCA_PICTOGRAM.idea} />
                  <span>{i.text || pl(i.pictogramId ?? PDCA_PICTOGRAM.idea)}</span>
                  <Show when={board.personById().get(i.proposedBy ?? '')}>
                    {(p) => <span class="print-idea-by">({p().firstName})</span>}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </section>
        <p class="print-footer">{t('print.printedAt', { date: formatDate(new Date(app.clock.now()), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }) })}</p>
      </main>
      </div>
    </div>
  );
}
