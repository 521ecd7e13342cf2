/** axe-core on every deviation and improvement screen, both flow steps and supervisor mode included. */
import { cleanup, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { toIsoDate } from '../../domain/dates';
import { renderScreens, seed } from '../../../tests/helpers/entry';

const SLOW = { timeout: 5000 };

afterEach(() => cleanup());

async function seriousViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('accessibility', () => {
  it('the report flow has no serious violations on either step', async () => {
    const seeded = await seed();
    const { container } = await renderScreens(seeded, '/deviations/new');
    await screen.findByRole('button', { name: 'Quality' }, SLOW);
    expect(await seriousViolations(container)).toEqual([]);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Quality' }));
    await screen.findByRole('button', { name: 'Aya' });
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('the idea flow has no serious violations', async () => {
    const seeded = await seed();
    const { container } = await renderScreens(seeded, '/improvements/new');
    const subjects = await screen.findByRole('region', { name: 'What is the idea?' }, SLOW);
    await within(subjects).findAllByRole('button');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('both boards in supervisor mode have no serious violations', async () => {
    const seeded = await seed();
    const { repos, wp, people } = seeded;
    const today = toIsoDate(new Date());
    await repos.deviations.report(wp.id, { category: 'safety', date: today, text: 'Wet floor', reportedBy: people[0]!.id });
    await repos.improvements.propose(wp.id, { date: today, pictogramId: 'idea', text: 'Mats', proposedBy: people[1]!.id });
    let { container } = await renderScreens(seeded, '/deviations', { unlocked: true });
    await screen.findByRole('button', { name: 'Move to Being handled' }, SLOW);
    expect(await seriousViolations(container)).toEqual([]);
    cleanup();
    ({ container } = await renderScreens(seeded, '/improvements', { unlocked: true }));
    await screen.findByRole('button', { name: 'Move to Planned' }, SLOW);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
