/**
 * The entry flow's optional detail: a photo (shrunk and stored by hash), a
 * photo that is too large (clear error, nothing else lost), and the draft
 * that survives a reload.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as resize from '../../pictograms/resize';
import { renderScreens, seed } from '../../../tests/helpers/entry';

vi.mock('../../pictograms/resize', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../pictograms/resize')>();
  return { ...original, resizeImage: vi.fn(original.resizeImage) };
});

const SLOW = { timeout: 5000 };

afterEach(() => {
  cleanup();
  vi.mocked(resize.resizeImage).mockClear();
});

const fileInput = (container: HTMLElement) => {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  expect(input.accept).toBe('image/*');
  expect(input.getAttribute('capture')).toBe('environment');
  return input;
};

describe('entry detail', () => {
  it('stores a photo by its hash and saves it with the deviation', async () => {
    const seeded = await seed();
    const { repos, wp } = seeded;
    // jsdom has no object URLs and its Blob cannot be hashed: give the test what a browser has.
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:photo'), revokeObjectURL: vi.fn() });
    const small = new NodeBlob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }) as unknown as Blob;
    vi.mocked(resize.resizeImage).mockResolvedValueOnce(small);
    const { container } = await renderScreens(seeded, '/deviations/new');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Broken tool or machine' }, SLOW));
    expect(screen.getByRole('button', { name: 'Take a photo' })).toBeTruthy();

    fireEvent.change(fileInput(container), { target: { files: [new File(['x'], 'tool.jpg', { type: 'image/jpeg' })] } });
    await screen.findByRole('button', { name: 'Remove photo' });
    expect(((await screen.findByRole('img', { name: 'Photo' })) as HTMLImageElement).src).toBe('blob:photo');

    await user.click(screen.getByRole('button', { name: 'Aya' }));
    await screen.findByText('Thank you! The deviation is saved.');
    const [saved] = await repos.deviations.all(wp.id);
    expect(saved).toMatchObject({ category: 'brokenTool' });
    expect(saved!.photo).toMatch(/^[0-9a-f]{64}$/);
    expect((await repos.blobs.get(saved!.photo!))?.size).toBe(3);
  });

  it('an oversized photo shows the clear error and keeps the rest of the entry', async () => {
    const seeded = await seed();
    const { repos, wp, people } = seeded;
    const { container } = await renderScreens(seeded, '/deviations/new');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Quality' }, SLOW));
    await user.type(screen.getByRole('textbox', { name: 'Write (if you want)' }), 'Seams are loose');

    const huge = new File([new Uint8Array(21 * 1024 * 1024)], 'huge.jpg', { type: 'image/jpeg' });
    fireEvent.change(fileInput(container), { target: { files: [huge] } });

    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toContain('The picture is too large. Choose a smaller one.');
    expect(resize.resizeImage).toHaveBeenCalledOnce();
    expect((screen.getByRole('textbox', { name: 'Write (if you want)' }) as HTMLTextAreaElement).value).toBe('Seams are loose');
    expect(screen.queryByRole('button', { name: 'Remove photo' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Sara' }));
    await screen.findByText('Thank you! The deviation is saved.');
    const [saved] = await repos.deviations.all(wp.id);
    expect(saved).toMatchObject({ category: 'quality', text: 'Seams are loose', photo: null, reportedBy: people[2]!.id });
  });

  it('a picture that cannot be read shows the clear error', async () => {
    const seeded = await seed();
    const { container } = await renderScreens(seeded, '/improvements/new');
    const subjects = await screen.findByRole('region', { name: 'What is the idea?' }, SLOW);
    fireEvent.click((await within(subjects).findAllByRole('button'))[0]!);
    await screen.findByRole('button', { name: 'Take a photo' });
    fireEvent.change(fileInput(container), { target: { files: [new File(['not an image'], 'x.jpg', { type: 'image/jpeg' })] } });
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toContain('The picture cannot be opened. Take a new photo.');
  });

  it('keeps the entry in a draft across a reload, and forgets it once saved', async () => {
    const seeded = await seed();
    const { repos, wp } = seeded;
    await renderScreens(seeded, '/deviations/new');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Customer' }, SLOW));
    await user.type(screen.getByRole('textbox', { name: 'Write (if you want)' }), 'Angry call');
    await waitFor(async () => expect(await repos.drafts.get('deviation-draft')).toMatchObject({ choice: 'customer', text: 'Angry call' }));

    cleanup(); // the tablet reloads
    await renderScreens(seeded, '/deviations/new');
    const text = (await screen.findByRole('textbox', { name: 'Write (if you want)' }, SLOW)) as HTMLTextAreaElement;
    expect(text.value).toBe('Angry call');

    await user.click(await screen.findByRole('button', { name: 'Bo' }));
    await screen.findByText('Thank you! The deviation is saved.');
    expect((await repos.deviations.all(wp.id))[0]).toMatchObject({ category: 'customer', text: 'Angry call' });
    expect(await repos.drafts.get('deviation-draft')).toBeUndefined();
  });

  it('back on the first step forgets the draft and returns to the board', async () => {
    const seeded = await seed();
    await renderScreens(seeded, '/improvements/new');
    const user = userEvent.setup();
    await screen.findByRole('region', { name: 'What is the idea?' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(await seeded.repos.drafts.get('idea-draft')).toBeUndefined();
  });
});
