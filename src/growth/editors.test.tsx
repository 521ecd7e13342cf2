/**
 * The supervisor's two list editors, used as a supervisor does: the ladder's
 * steps (rename one, add one, refuse an empty name) and the survey's
 * questions (change one, back to the defaults). Both are the same dialog
 * (PictogramListEditor); what they save lands on the workplace row.
 */
import { Route } from '@solidjs/router';
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../data';
import type { Workplace } from '../domain/types';
import { DEFAULT_SURVEY, ladderOf } from '../domain/growth';
import { renderRoutes, seedWorkplaceWithPeople } from '../../tests/helpers/render';
import GrowthOverview from './GrowthOverview';
import SurveyResults from './SurveyResults';

const SLOW = { timeout: 5000 };
let repos: Repositories;
let wp: Workplace;

beforeEach(async () => {
  ({ repos, wp } = await seedWorkplaceWithPeople());
});
afterEach(() => cleanup());

const fields = (dialog: HTMLElement) => within(dialog).getAllByRole('group');

describe('the ladder editor', () => {
  it('renames a step, adds one, refuses an empty name, and saves the ladder on the workplace', async () => {
    const view = renderRoutes(repos, wp.id, '/growth', () => <Route path="/growth" component={GrowthOverview} />);
    await waitFor(() => expect(view.store().workplace()?.id).toBe(wp.id), SLOW);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the ladder' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    expect(fields(dialog)).toHaveLength(ladderOf(undefined).length);

    fireEvent.input(within(fields(dialog)[1]!).getByRole('textbox', { name: /Name of the step/ }), { target: { value: 'Light work' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add a step' }));
    expect(fields(dialog)).toHaveLength(7);
    // the new step has no name yet: saving is refused with a message, nothing is written
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Write a few words.')).toBeTruthy();
    expect((await repos.workplaces.get(wp.id))?.ladderSteps).toBeUndefined();

    fireEvent.input(within(fields(dialog)[6]!).getByRole('textbox', { name: /Name of the step/ }), { target: { value: 'Own business' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    const saved = (await repos.workplaces.get(wp.id))?.ladderSteps ?? [];
    expect(saved.map((s) => s.text)).toHaveLength(7);
    expect(saved[1]!.text).toBe('Light work');
    expect(saved[6]!.text).toBe('Own business');
    // the other steps keep their ids
    expect(saved.slice(0, 6).map((s) => s.id)).toEqual(ladderOf(undefined).map((s) => s.id));
  });
});

describe('the survey questions editor', () => {
  it('changes a question and goes back to the default questions', async () => {
    const view = renderRoutes(repos, wp.id, '/growth/survey', () => <Route path="/growth/survey" component={SurveyResults} />);
    await waitFor(() => expect(view.store().workplace()?.id).toBe(wp.id), SLOW);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the questions' }, SLOW));
    let dialog = await screen.findByRole('dialog');
    expect(fields(dialog)).toHaveLength(DEFAULT_SURVEY.length);
    fireEvent.input(within(fields(dialog)[0]!).getByRole('textbox', { name: /The question/ }), { target: { value: 'Was lunch good?' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    expect((await repos.workplaces.get(wp.id))?.surveyQuestions?.[0]?.text).toBe('Was lunch good?');

    fireEvent.click(screen.getByRole('button', { name: 'Edit the questions' }));
    dialog = await screen.findByRole('dialog');
    expect((within(fields(dialog)[0]!).getByRole('textbox', { name: /The question/ }) as HTMLInputElement).value).toBe('Was lunch good?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Back to the default questions' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW);
    const saved = (await repos.workplaces.get(wp.id))?.surveyQuestions ?? [];
    expect(saved.map((q) => q.id)).toEqual(DEFAULT_SURVEY.map((q) => q.id));
    expect(saved[0]!.text).not.toBe('Was lunch good?');
  });
});
