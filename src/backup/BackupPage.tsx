/**
 * Backup and move (`/backup`, supervisor only; `/restore` on a device with no
 * workplace yet): save the whole workplace to one file, and read such a file
 * back, on this tablet or another.
 *
 * Reading a file validates all of it first (src/backup/archive.ts); a bad
 * file is refused with a message and nothing is stored. When the workplace
 * in the file is already on this tablet the supervisor chooses: replace it
 * with the file, or cancel. Nothing is ever merged silently.
 */
import { Navigate, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { useApp } from '../core/context';
import { whenBoardLive } from '../core/snapshot';
import { Dialog, PictoButton, PictoLink } from '../core/ui';
import { WorkplaceExistsError } from '../data/repos/backup';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { downloadFile, ToolScreen } from '../core/tools';
import { safeFileName } from '../core/csv';
import { decodeBackup, encodeBackup, type DecodedBackup } from './archive';

const mb = (bytes: number) => Math.max(0.1, Math.round(bytes / 104_857.6) / 10);

function ExportSection() {
  const app = useApp();
  const { t, formatNumber } = useI18n();
  const [busy, setBusy] = createSignal(false);
  const [saved, setSaved] = createSignal<{ size: number; photos: number; missing: number } | null>(null);

  const save = async () => {
    const id = app.workplaceId();
    if (!id || busy()) return;
    setBusy(true);
    try {
      const ok = await app.run(async () => {
        const snapshot = await app.repos.backup.collect(id);
        const file = await encodeBackup(snapshot);
        const name = `${safeFileName('tavla', app.workplace()?.name ?? '', app.today())}.zip`;
        downloadFile(new Blob([file as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), name);
        setSaved({ size: file.length, photos: snapshot.blobs.length, missing: snapshot.missingBlobs.length });
        return true;
      });
      if (ok) app.notify({ kind: 'success', pictogram: 'save', message: 'backup.saved' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="supervisor-section" aria-labelledby="backup-export">
      <h2 id="backup-export">
        <Pictogram id="save" />
        <span>{t('backup.exportTitle')}</span>
      </h2>
      <p>{t('backup.exportText')}</p>
      <div class="row">
        <PictoButton pictogram="save" label={t('backup.export')} variant="primary" size="large" disabled={busy()} onClick={() => void save()} />
      </div>
      <Show when={saved()}>
        {(s) => (
          <p class="backup-result" role="status" data-testid="backup-result">
            <Pictogram id="check" class="backup-result-icon" />
            <span>{t('backup.exportDone', { size: formatNumber(mb(s().size)), photos: s().photos })}</span>
            <Show when={s().missing > 0}>
              <span>{t('backup.missingPhotos', { n: s().missing })}</span>
            </Show>
          </p>
        )}
      </Show>
    </section>
  );
}

/** How long a restore's history waits for the board to be on screen before it is stored anyway. */
const FINISH_WAIT_MS = 3000;
/** … and how long after the board is on screen. */
const FINISH_AFTER_MS = 1000;

/** Choosing and reading a backup file; shared by /backup and /restore. */
export function ImportSection(props: { afterImport: (workplaceId: string) => void }) {
  const app = useApp();
  const { t } = useI18n();
  const [busy, setBusy] = createSignal(false);
  const [pending, setPending] = createSignal<DecodedBackup | null>(null);

  /**
   * The attendance history of a restore (data/repos/backup.ts): stored once the board is on screen (its
   * reads would otherwise wait behind this write), or after a few seconds on another screen. If the page
   * closes first, the next start stores it (shell/start.tsx).
   */
  const finishLater = (workplaceId: string) => {
    // the page says so meanwhile (tests wait for it to go)
    const root = document.documentElement;
    root.dataset.restoring = '';
    void whenBoardLive(FINISH_WAIT_MS).then(() => {
      // a moment after the board is painted: its first frames and taps come before this write
      setTimeout(() => {
        void app.repos.backup
          .finishRestore(workplaceId)
          .then(
            () => performance.mark('tavla:import-finished'),
            (err: unknown) => console.warn('restored history not stored yet', err),
          )
          .finally(() => delete root.dataset.restoring);
      }, FINISH_AFTER_MS);
    });
  };

  const restore = async (decoded: DecodedBackup, replace: boolean) => {
    setBusy(true);
    try {
      const done = await app.run(async () => {
        try {
          const { pending } = await app.repos.backup.restore(decoded.snapshot, { replace, historyBefore: app.today() });
          performance.mark('tavla:import-stored');
          if (pending) finishLater(decoded.snapshot.workplaceId);
          return true;
        } catch (err) {
          if (err instanceof WorkplaceExistsError) {
            setPending(decoded);
            return false;
          }
          throw err;
        }
      });
      if (done) {
        app.notify({ kind: 'success', pictogram: 'check', message: 'backup.imported', params: { name: decoded.manifest.workplace.name } });
        props.afterImport(decoded.snapshot.workplaceId);
      }
    } finally {
      setBusy(false);
    }
  };

  const read = async (file: File | undefined) => {
    if (!file || busy()) return;
    setBusy(true);
    let decoded: DecodedBackup | undefined;
    try {
      // marks for the bench (tests/bench/reports.ts): reading and checking vs. storing
      performance.mark('tavla:import-start');
      decoded = await app.run(async () => decodeBackup(file));
      performance.mark('tavla:import-decoded');
    } finally {
      setBusy(false);
    }
    if (decoded) await restore(decoded, false);
  };

  return (
    <section class="supervisor-section" aria-labelledby="backup-import">
      <h2 id="backup-import">
        <Pictogram id="up" />
        <span>{t('backup.importTitle')}</span>
      </h2>
      <p>{t('backup.importText')}</p>
      <div class="row">
        <span class="supervisor-file backup-file picto-button secondary large" aria-disabled={busy()}>
          <Pictogram id="photo" class="picto-button-icon" />
          <span class="label">{t('backup.chooseFile')}</span>
          <input
            type="file"
            name="backupFile"
            accept=".zip,application/zip"
            aria-label={t('backup.chooseFile')}
            disabled={busy()}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              void read(file);
            }}
          />
        </span>
      </div>
      <Show when={busy()}>
        <p role="status">{t('backup.working')}</p>
      </Show>
      <Show when={pending()}>
        {(p) => (
          <Dialog title={t('backup.existsTitle')} pictogram="warning" onClose={() => setPending(null)}>
            <p class="supervisor-confirm-text">
              <Pictogram id="warning" class="supervisor-confirm-icon" />
              <span>{t('backup.existsText', { name: p().manifest.workplace.name })}</span>
            </p>
            <div class="row supervisor-form-actions">
              <PictoButton pictogram="cancel" label={t('app.cancel')} onClick={() => setPending(null)} />
              <PictoButton
                pictogram="sync"
                label={t('backup.replace')}
                variant="danger"
                onClick={() => {
                  const d = p();
                  setPending(null);
                  void restore(d, true);
                }}
              />
            </div>
          </Dialog>
        )}
      </Show>
    </section>
  );
}

export default function BackupPage() {
  const app = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  const afterImport = (id: string) => {
    if (id === app.workplaceId()) return;
    void app.setWorkplaceId(id).then(() => navigate('/', { replace: true }));
  };
  return (
    <ToolScreen title={t('backup.title')} pictogram="save" class="backup-screen">
      <ExportSection />
      <ImportSection afterImport={afterImport} />
    </ToolScreen>
  );
}

/** First run on a new tablet: bring a workplace from a backup file. */
export function RestorePage() {
  const app = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Show when={!app.workplaceId()} fallback={<Navigate href="/" />}>
      <ToolScreen title={t('backup.restoreTitle')} pictogram="save" class="backup-screen" back={false}>
        <div class="row">
          <PictoLink href="/setup" pictogram="previous" label={t('app.back')} />
        </div>
        <ImportSection afterImport={(id) => void app.setWorkplaceId(id).then(() => navigate('/', { replace: true }))} />
      </ToolScreen>
    </Show>
  );
}
