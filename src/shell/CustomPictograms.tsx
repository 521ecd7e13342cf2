/**
 * Keeps the custom-pictogram registry (src/pictograms/custom.ts) in step with
 * the shown workplace: a live query over its custom pictograms and their
 * image blobs. Mounted once inside the app providers; renders nothing.
 */
import { createEffect, onCleanup } from 'solid-js';
import { setCustomPictograms } from '../pictograms/custom';
import { wantBlob } from '../data/wantedBlobs';
import { useApp } from '../core/context';
import { createLive } from '../core/live';

export function CustomPictograms() {
  const app = useApp();
  const sources = createLive(
    app.workplaceId,
    async (id) => {
      const rows = await app.repos.pictograms.list(id);
      return Promise.all(rows.map(async (r) => ({ rowId: r.id, label: r.label, hash: r.blob, blob: (await app.repos.blobs.get(r.blob))?.data })));
    },
    [],
  );
  createEffect(() => {
    const list = sources();
    // made on another tablet: ask sync for the image; the live query shows it when it lands
    for (const s of list) if (!s.blob) wantBlob(s.hash);
    setCustomPictograms(list);
  });
  onCleanup(() => setCustomPictograms([]));
  return null;
}
