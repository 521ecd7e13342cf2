/**
 * "My way forward" on a participant's own page, used as a participant does:
 * their plan and ladder step (only theirs), "I did it" on a goal and "I
 * learned it" on a task, both waiting for the supervisor; nothing of it
 * for someone without a plan.
 */
import { cleanup, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../../data';
import type { Person, Workplace } from '../../domain/types';
import { toIsoDate } from '../../domain/dates';
import { renderApp, seedWorkplaceWithPeople } from '../../../tests/helpers/render';

const SLOW = { timeout: 5000 };
let repos: Repositories;
let wp: Workplace;
let aya: Person;
let bo: Person;

beforeEach(async () => {
  let people: Person[];
  ({ repos, wp, people } = await seedWorkplaceWithPeople(['Aya', 'Bo'], 'en'));
  [aya, bo] = people as [Person, Person];
});
afterEach(() => cleanup());

describe('my plan on my page', () => {
  it('shows my step on the ladder, the next step, my goals, and takes "I did it" for the supervisor', async () => {
    const today = toIsoDate(new Date());
    await repos.growth.recordFollowUp(wp.id, { personId: aya.id, date: today, step: 'adapted', nextStep: 'Visit the café', goals: [{ pictogramId: 'bus', text: 'Take the bus alone', steps: 3 }] });
    await repos.growth.recordFollowUp(wp.id, { personId: bo.id, date: today, step: 'job', goals: [{ pictogramId: 'coffee', text: 'Bo’s goal', steps: 2 }] });
    renderApp(repos, wp.id, `/me/${aya.id}`);
    const plan = await screen.findByRole('region', { name: 'My plan' }, SLOW);
    const ladder = within(plan).getByRole('list', { name: 'The way to work' });
    const here = ladder.querySelector('[aria-current="step"]')!;
    expect(here.getAttribute('data-step')).toBe('adapted');
    expect(here.textContent).toContain('You are here');
    expect(ladder.querySelectorAll('.is-behind')).toHaveLength(3);
    expect(within(plan).getByText('Visit the café')).toBeTruthy();
    expect(within(plan).queryByText('Bo’s goal')).toBeNull();
    const user = userEvent.setup();
    await user.click(within(plan).getByRole('button', { name: 'I did it: Take the bus alone' }));
    await within(plan).findByText('Waiting for the supervisor', {}, SLOW);
    const [goal] = await repos.growth.goals(wp.id, aya.id);
    expect(goal!.claimedAt).not.toBeNull();
    expect(goal!.progress).toBe(0);
  });

  it('takes "I learned it" on a task I am learning', async () => {
    const area = await repos.work.addArea(wp.id, { pictogramId: 'laundry' });
    const wash = await repos.work.addRecurring(wp.id, { workAreaId: area.id, pictogramId: 'wash-clothes', text: '', assignees: [], weekdays: [1, 2, 3, 4, 5] });
    await repos.growth.setSkill(wp.id, aya.id, wash.id, 1);
    renderApp(repos, wp.id, `/me/${aya.id}`);
    const skills = await screen.findByRole('region', { name: 'What I can do' }, SLOW);
    expect(within(skills).getByText('Learning')).toBeTruthy();
    await userEvent.setup().click(within(skills).getByRole('button', { name: 'I learned it: Wash clothes' }));
    await waitFor(async () => expect((await repos.growth.skillsOf(wp.id, aya.id))[0]!.claimedAt).not.toBeNull(), SLOW);
    expect((await repos.growth.skillsOf(wp.id, aya.id))[0]!.level).toBe(1);
  });

  it('shows nothing of plans to someone without one', async () => {
    renderApp(repos, wp.id, `/me/${bo.id}`);
    await screen.findByRole('region', { name: 'My week' }, SLOW);
    expect(screen.queryByRole('region', { name: 'My plan' })).toBeNull();
  });
});
