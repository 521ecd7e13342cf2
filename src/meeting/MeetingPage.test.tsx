/**
 * Meeting mode driven as a supervisor would: unlock, start, take decisions
 * in the steps, lose the lock mid-meeting and come back to the same step,
 * end the meeting and find it in the log — asserting on what is stored.
 */
import { Route } from '@solidjs/router';
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Repositories } from '../data';
import type { Person, Workplace } from '../domain/types';
import { toIsoDate } from '../domain/dates';
import { setAgendaStep, defaultAgenda } from '../domain/meeting';
import { openSupervisorTile, renderApp, renderRoutes, seedWorkplaceWithPeople, unlockWithPin } from '../../tests/helpers/render';
import MeetingLog from './MeetingLog';
import MeetingPage from './MeetingPage';

const SLOW = { timeout: 5000 };
const today = toIsoDate(new Date());

let repos: Repositories;
let wp: Workplace;
let people: Person[];

beforeEach(async () => {
  ({ repos, wp, people } = await seedWorkplaceWithPeople(['Aya', 'Bo', 'Sara']));
});
afterEach(() => cleanup());

/** The meeting screens under a router, with the app store handed back (to lock it as the idle timer does). */
function renderMeeting(path = '/meeting') {
  return renderRoutes(repos, wp.id, path, () => (
    <>
      <Route path="/" component={() => <p>board</p>} />
      <Route path="/meeting" component={MeetingPage} />
      <Route path="/meeting/log" component={MeetingLog} />
    </>
  ));
}

/** Unlocks through the PIN pad on the meeting's lock screen. */
const unlockHere = () => unlockWithPin();

/** Board → Unlock → Manage → Board meeting: the agenda editor. */
const openAgendaEditor = () => openSupervisorTile(repos, wp.id, 'Board meeting', { heading: 'Meeting agenda' });

/** The step on screen, once it shows `name` (when given). */
async function stepHeading(name?: string): Promise<HTMLElement> {
  let el: HTMLElement | null = null;
  await waitFor(() => {
    el = document.getElementById('meeting-step-title');
    expect(el).toBeTruthy();
    if (name) expect(el!.textContent).toBe(name);
  }, SLOW);
  return el!;
}
const running = async () => (await repos.meetings.running(wp.id, today))!;

describe('meeting mode', () => {
  it('ticks its timers once a second only while a meeting runs', async () => {
    const { store } = renderMeeting();
    const every = vi.spyOn(store().clock, 'every');
    const seconds = () => every.mock.calls.filter(([ms]) => ms === 1000).length;
    await unlockHere();
    const start = await screen.findByRole('button', { name: 'Start meeting' }, SLOW);
    expect(seconds(), 'no meeting, no ticking').toBe(0);
    fireEvent.click(start);
    await stepHeading('Attendance');
    await waitFor(() => expect(seconds()).toBe(1), SLOW);
  });

  it('is locked for participants; the supervisor unlocks, sees the agenda and starts on the first step', async () => {
    renderMeeting();
    expect(await screen.findByText('The supervisor leads the meeting. Unlock to start.', {}, SLOW)).toBeTruthy();
    await unlockHere();
    const start = await screen.findByRole('button', { name: 'Start meeting' }, SLOW);
    expect(screen.getByText('Target: 15 minutes')).toBeTruthy();
    for (const step of ['Attendance', 'Safety and deviations', 'Goals', 'Improvements', "Today's work", 'Closing']) {
      expect(screen.getByText(step)).toBeTruthy();
    }
    fireEvent.click(start);
    await stepHeading('Attendance');
    expect(screen.getByText('Step 1 of 6')).toBeTruthy();
    expect(screen.getAllByRole('timer')).toHaveLength(2);
    expect(await running()).toMatchObject({ current: 0, endedAt: null });
  });

  it('runs a whole meeting: decisions are made in place and recorded, and the log shows them', async () => {
    const d = await repos.deviations.report(wp.id, { category: 'missingMaterial', date: today, reportedBy: people[1]!.id });
    await repos.deviations.setStatus(d.id, 'handling');
    const idea = await repos.improvements.propose(wp.id, { date: today, pictogramId: 'music', proposedBy: people[2]!.id });
    const area = await repos.work.addArea(wp.id, { pictogramId: 'workshop' });
    const task = await repos.work.addTask(wp.id, today, { workAreaId: area.id, pictogramId: 'saw', text: 'Cut boards' });
    const user = userEvent.setup();
    renderMeeting();
    await unlockHere();
    await user.click(await screen.findByRole('button', { name: 'Start meeting' }, SLOW));

    // 1 attendance: mark Bo sick
    await user.click(await screen.findByRole('button', { name: 'Bo' }, SLOW));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Sick' }));
    await waitFor(async () => expect((await repos.attendance.forDay(wp.id, today))[0]).toMatchObject({ personId: people[1]!.id, status: 'sick' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // 2 safety: close the deviation being handled
    await stepHeading('Safety and deviations');
    await user.click(await screen.findByRole('button', { name: /^Move to Solved/ }, SLOW));
    // solving asks who does it and what is done, then answers with a notice
    const solve = await screen.findByRole('dialog');
    await user.click(within(solve).getByRole('button', { name: 'Sara' }));
    await user.type(within(solve).getByLabelText('What is done?'), 'Order more');
    await user.click(within(solve).getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await repos.deviations.all(wp.id))[0]).toMatchObject({ status: 'solved', responsibleId: people[2]!.id, action: 'Order more' }),
    );
    expect(await screen.findByText(/^Solved: /, { selector: '.notice-text' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // 3 goals (nothing to decide), 4 improvements: move the idea on
    await stepHeading('Goals');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await stepHeading('Improvements');
    await user.click(await screen.findByRole('button', { name: 'Move to Planned' }, SLOW));
    await waitFor(async () => expect((await repos.improvements.all(wp.id))[0]!.status).toBe('planned'));
    // every decision answers with a notice
    expect(await screen.findByText('Moved to Planned', { selector: '.notice-text' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // 5 today's work: Aya cuts the boards
    await stepHeading("Today's work");
    await user.click(await screen.findByRole('button', { name: 'Who does it? Cut boards' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Aya' }));
    await waitFor(async () => expect((await repos.work.tasksFor(wp.id, today))[0]!.assignees).toEqual([people[0]!.id]));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // 6 closing: the decisions, then end
    await stepHeading('Closing');
    const decisions = screen.getByRole('list', { name: 'Decisions' });
    // the decisions name what they were about: the deviation with who does what, the idea
    expect(within(decisions).getByText(/^Deviation: Solved – .+ – Sara: Order more$/)).toBeTruthy();
    expect(within(decisions).getByText('Idea moved to Planned – Music')).toBeTruthy();
    expect(within(decisions).getByText('Task: Cut boards – Aya')).toBeTruthy();
    expect(within(decisions).getByText('Attendance: Bo – Sick')).toBeTruthy();
    const meeting = await running();
    expect(meeting.decisions.map((x) => [x.kind, x.refId, x.value, x.step])).toEqual([
      ['attendance', people[1]!.id, 'sick', 'attendance'],
      ['deviationStatus', d.id, 'solved', 'safety'],
      ['moveIdea', idea.id, 'planned', 'improvements'],
      ['assignTask', task.id, people[0]!.id, 'work'],
    ]);
    await user.click(screen.getByRole('button', { name: 'End meeting' }));

    // the log
    expect(await screen.findByRole('heading', { level: 1, name: 'Meeting log' }, SLOW)).toBeTruthy();
    const [ended] = await repos.meetings.list(wp.id);
    expect(ended!.endedAt).toBeTypeOf('number');
    expect(ended!.steps.map((s) => s.step)).toEqual(['attendance', 'safety', 'goals', 'improvements', 'work', 'closing']);
    const entry = await screen.findByRole('article', {}, SLOW);
    expect(within(entry).getByText('Idea moved to Planned – Music')).toBeTruthy();
    expect(within(entry).getByText(/^Deviation: Solved – .+ – Sara: Order more$/)).toBeTruthy();
    expect(within(entry).getByText(/of 15 min/)).toBeTruthy();
  });

  it('an idle lock mid-meeting asks for the PIN and lands back on the same step', async () => {
    const { store } = renderMeeting();
    await unlockHere();
    fireEvent.click(await screen.findByRole('button', { name: 'Start meeting' }, SLOW));
    await stepHeading('Attendance');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(async () => expect((await running()).current).toBe(1));
    fireEvent.click(screen.getByRole('button', { name: 'Go to Goals' }));
    await waitFor(async () => expect((await running()).current).toBe(2));

    store().lock();
    expect(await screen.findByText('The meeting is on. Unlock to continue.', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    await unlockHere();
    await stepHeading('Goals');
    expect(screen.getByText('Step 3 of 6')).toBeTruthy();
  });

  it('a reload resumes the meeting at its step with the time already spent', async () => {
    const started = await repos.meetings.start(wp.id, { date: today, agenda: defaultAgenda(), targetMinutes: 15 }, undefined, Date.now() - 4 * 60_000);
    await repos.meetings.goTo(started.id, 3, Date.now() - 60_000);
    renderMeeting();
    await unlockHere();
    await stepHeading('Improvements');
    expect(screen.getByText('Step 4 of 6')).toBeTruthy();
    const [total] = screen.getAllByRole('timer');
    expect(total!.textContent).toMatch(/4:0\d/);
  });

  it('swiping sideways turns the page; a vertical stroke does not', async () => {
    // jsdom has no PointerEvent: a minimal one (a MouseEvent with an id and "primary"), as browsers have.
    if (!('PointerEvent' in window)) {
      class PointerEventShim extends MouseEvent {
        pointerId: number;
        isPrimary: boolean;
        constructor(type: string, init: PointerEventInit = {}) {
          super(type, init);
          this.pointerId = init.pointerId ?? 0;
          this.isPrimary = init.isPrimary ?? false;
        }
      }
      Object.defineProperty(window, 'PointerEvent', { value: PointerEventShim, configurable: true });
    }
    renderMeeting();
    await unlockHere();
    fireEvent.click(await screen.findByRole('button', { name: 'Start meeting' }, SLOW));
    const area = (await stepHeading('Attendance')).closest('section')!;
    const stroke = (from: [number, number], to: [number, number]) => {
      fireEvent.pointerDown(area, { pointerId: 1, isPrimary: true, clientX: from[0], clientY: from[1] });
      fireEvent.pointerUp(area, { pointerId: 1, isPrimary: true, clientX: to[0], clientY: to[1] });
    };
    stroke([400, 300], [400, 100]); // a scroll, not a swipe
    stroke([400, 300], [360, 300]); // too short
    await new Promise((r) => setTimeout(r, 300));
    expect((await running()).current).toBe(0);
    stroke([600, 300], [300, 310]);
    await waitFor(async () => expect((await running()).current).toBe(1));
    await stepHeading('Safety and deviations');
    stroke([300, 300], [600, 300]);
    await waitFor(async () => expect((await running()).current).toBe(0));
  });

  it("follows the workplace's agenda", async () => {
    await repos.meetings.setAgenda(wp.id, setAgendaStep(defaultAgenda(), 'goals', { enabled: false }), 10);
    renderMeeting();
    await unlockHere();
    await screen.findByText('Target: 10 minutes', {}, SLOW);
    expect(screen.queryByText('Goals')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Start meeting' }));
    await stepHeading('Attendance');
    expect(screen.getByText('Step 1 of 5')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Go to Goals' })).toBeNull();
  });
});

describe('meeting agenda settings', () => {
  it('a supervisor switches a step off, moves one and changes the length; the meeting follows', async () => {
    renderApp(repos, wp.id, '/');
    await screen.findByText(wp.name, {}, SLOW);
    await unlockWithPin();
    expect(await screen.findByRole('link', { name: 'Start meeting' }, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Manage' }));
    fireEvent.click(await screen.findByRole('link', { name: 'Board meeting' }, SLOW));
    await screen.findByRole('heading', { level: 1, name: 'Meeting agenda' }, SLOW);

    fireEvent.click(screen.getByRole('button', { name: 'On: Goals' }));
    fireEvent.click(screen.getByRole('button', { name: 'Up: Safety and deviations' }));
    fireEvent.click(screen.getByRole('button', { name: 'Shorter: Meeting length' }));
    fireEvent.click(screen.getByRole('button', { name: 'Longer: Closing' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await repos.workplaces.get(wp.id))!.meetingTargetMinutes).toBe(14));
    const saved = (await repos.workplaces.get(wp.id))!.meetingAgenda!;
    expect(saved.map((s) => s.step)).toEqual(['safety', 'attendance', 'goals', 'improvements', 'work', 'skills', 'closing']);
    expect(saved.find((s) => s.step === 'goals')!.enabled).toBe(false);
    expect(saved.find((s) => s.step === 'closing')!.minutes).toBe(2);
  });

  it('refuses to save an agenda with every step off, with a message', async () => {
    await openAgendaEditor();
    for (const step of ['Attendance', 'Safety and deviations', 'Goals', 'Improvements', "Today's work", 'Closing']) {
      fireEvent.click(screen.getByRole('button', { name: `On: ${step}` }));
    }
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findAllByText('Choose at least one step.', {}, SLOW)).length).toBeGreaterThan(0);
    expect((await repos.workplaces.get(wp.id))!.meetingAgenda).toBeUndefined();
  });
});

describe('meeting step "who can do what"', () => {
  /** One kind of task, and Aya can teach it while Bo is learning. */
  async function seedSkills() {
    const area = await repos.work.addArea(wp.id, { pictogramId: 'kitchen', text: 'Kitchen' });
    const dishes = await repos.work.addRecurring(wp.id, { workAreaId: area.id, pictogramId: 'wash-dishes', text: 'Dishes', weekdays: [1, 2, 3, 4, 5] });
    await repos.growth.setSkill(wp.id, people[0]!.id, dishes.id, 3);
    await repos.growth.setSkill(wp.id, people[1]!.id, dishes.id, 1);
    return dishes;
  }

  it('is not in the default agenda: listed off in the editor, absent from the meeting', async () => {
    await seedSkills();
    await openAgendaEditor();
    expect(screen.getByRole('button', { name: 'On: Who can do what' }).getAttribute('aria-pressed')).toBe('false');
    cleanup();

    renderMeeting();
    await unlockHere();
    await screen.findByRole('button', { name: 'Start meeting' }, SLOW);
    expect(screen.queryByText('Who can do what')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Start meeting' }));
    await stepHeading('Attendance');
    expect(screen.getByText('Step 1 of 6')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Go to Who can do what' })).toBeNull();
    expect((await running()).steps.map((s) => s.step)).not.toContain('skills');
  });

  it('a supervisor switches it on; the meeting comes to it and shows the skills matrix, read-only', async () => {
    const dishes = await seedSkills();
    await openAgendaEditor();
    fireEvent.click(screen.getByRole('button', { name: 'On: Who can do what' }));
    expect(screen.getByRole('button', { name: 'On: Who can do what' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await repos.workplaces.get(wp.id))!.meetingAgenda?.find((s) => s.step === 'skills')?.enabled).toBe(true), SLOW);
    cleanup();

    renderMeeting();
    await unlockHere();
    await screen.findByText('Who can do what', {}, SLOW);
    fireEvent.click(screen.getByRole('button', { name: 'Start meeting' }));
    await stepHeading('Attendance');
    expect(screen.getByText('Step 1 of 7')).toBeTruthy();
    // on through the agenda to the step, as the supervisor would
    for (const name of ['Safety and deviations', 'Goals', 'Improvements', "Today's work", 'Who can do what']) {
      fireEvent.click(screen.getByRole('button', { name: 'Next' }));
      await stepHeading(name);
    }
    expect(screen.getByText('Step 6 of 7')).toBeTruthy();

    const matrix = await screen.findByRole('table', {}, SLOW);
    for (const p of people) expect(within(matrix).getByRole('columnheader', { name: p.firstName })).toBeTruthy();
    const row = await waitFor(() => {
      const r = matrix.querySelector(`tr[data-task-key="${dishes.id}"]`) as HTMLElement | null;
      expect(r).toBeTruthy();
      return r!;
    }, SLOW);
    expect(within(row).getByRole('rowheader', { name: 'Dishes' })).toBeTruthy();
    await waitFor(() => {
      const level = (id: string) => row.querySelector(`[data-person-id="${id}"]`)?.textContent;
      expect(level(people[0]!.id)).toBe('Can teach');
      expect(level(people[1]!.id)).toBe('Learning');
      expect(level(people[2]!.id)).toBe('Not yet');
    }, SLOW);
    // read-only: nothing in the matrix to tap
    expect(within(matrix).queryAllByRole('button')).toHaveLength(0);
    expect((await running()).steps.map((s) => s.step)).toEqual(['attendance', 'safety', 'goals', 'improvements', 'work', 'skills', 'closing']);
  });
});
