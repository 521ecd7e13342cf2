import { screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshRepos, renderApp, seedWorkplace } from '../../tests/helpers/render';
import { toIsoDate } from '../domain/dates';
import { customPictogramLabel, customPictogramUrl, setCustomPictograms } from './custom';

describe('custom pictogram registry', () => {
  afterEach(() => setCustomPictograms([], { createObjectURL: () => '', revokeObjectURL: () => undefined }));

  it('keeps the object URL of an unchanged image and revokes removed ones', () => {
    let n = 0;
    const urls = { createObjectURL: vi.fn(() => `blob:${++n}`), revokeObjectURL: vi.fn() };
    const blob = new Blob(['x']);
    setCustomPictograms([{ rowId: 'a', label: 'Our van', hash: 'h1', blob }], urls);
    expect(customPictogramUrl('custom:a')).toBe('blob:1');
    expect(customPictogramLabel('custom:a')).toBe('Our van');
    setCustomPictograms([{ rowId: 'a', label: 'The van', hash: 'h1', blob: new Blob(['x']) }], urls);
    expect(customPictogramUrl('custom:a')).toBe('blob:1');
    expect(urls.createObjectURL).toHaveBeenCalledTimes(1);
    setCustomPictograms([], urls);
    expect(urls.revokeObjectURL).toHaveBeenCalledWith('blob:1');
    expect(customPictogramUrl('custom:a')).toBeUndefined();
  });
});

describe('custom pictograms on the board', () => {
  it("shows a task's photo pictogram and names it by its label", async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:van-photo'), revokeObjectURL: vi.fn() });
    const repos = freshRepos();
    const wp = await seedWorkplace(repos);
    const pic = await repos.pictograms.addCustom(wp.id, { label: 'Our van', image: new Blob(['png'], { type: 'image/png' }) });
    const area = await repos.work.addArea(wp.id, { pictogramId: 'truck' });
    await repos.work.addTask(wp.id, toIsoDate(new Date()), { workAreaId: area.id, pictogramId: `custom:${pic.id}` });
    renderApp(repos, wp.id, '/work');
    await waitFor(() => {
      const img = document.querySelector(`img[data-pictogram="custom:${pic.id}"]`);
      expect(img?.getAttribute('src')).toBe('blob:van-photo');
    });
    expect(screen.getAllByText('Our van').length).toBeGreaterThan(0);
  });
});

describe('custom pictograms made on another tablet', () => {
  it('asks sync for an image the device does not have yet', async () => {
    const { onBlobWanted } = await import('../data/wantedBlobs');
    const wanted: string[] = [];
    const off = onBlobWanted((h) => wanted.push(h));
    const repos = freshRepos();
    const wp = await seedWorkplace(repos);
    const pic = await repos.pictograms.addCustom(wp.id, { label: 'Our van', image: new Blob(['png'], { type: 'image/png' }) });
    const row = await repos.db.pictograms.get(pic.id);
    await repos.db.blobs.delete(row!.blob); // as if the record arrived by sync without its bytes
    renderApp(repos, wp.id, '/');
    await waitFor(() => expect(wanted).toContain(row!.blob));
    off();
  });
});
