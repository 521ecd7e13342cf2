/**
 * The sync status pictogram on the board: synced / syncing / offline with N
 * unsynced changes / needs attention, with the last sync time. A board that
 * was never paired shows "only on this device" with its pending count.
 * Participants see the pictogram alone (its name is still read out); the
 * words and the count of waiting changes are for an unlocked supervisor.
 */
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useApp } from './context';
import { createLive } from './live';
import { useI18n, type MessageKey } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import type { SyncStatus as Status } from '../sync/runner';

const LOOK: Record<Status['state'], { pictogram: string; label: MessageKey }> = {
  unpaired: { pictogram: 'tablet', label: 'sync.unpaired' },
  syncing: { pictogram: 'sync', label: 'sync.syncing' },
  synced: { pictogram: 'synced', label: 'sync.synced' },
  offline: { pictogram: 'offline', label: 'sync.offline' },
  attention: { pictogram: 'warning', label: 'sync.attention' },
};

export function SyncStatus() {
  const app = useApp();
  const { t, formatDate, formatNumber } = useI18n();
  const status = createLive(() => true, () => app.repos.sync.status(), null as Status | null);
  const pending = createLive(app.workplaceId, (id) => app.repos.sync.pendingCount(id), 0);
  const look = () => LOOK[status()?.state ?? 'unpaired'];
  // waiting changes are a supervisor's business: a participant sees the pictogram only
  const showPending = () => app.unlocked() && pending() > 0 && status()?.state !== 'synced';
  // The accessible name starts with the visible text (axe: label-content-name-mismatch), in the language's digits.
  const visible = () => (showPending() ? `${t(look().label)} · ${formatNumber(pending())}` : t(look().label));
  const label = () => {
    const parts = [visible()];
    if (showPending()) parts.push(t('sync.pending', { count: pending() }));
    const last = status()?.lastSyncAt;
    if (last) parts.push(t('sync.lastSync', { time: formatDate(new Date(last), { hour: '2-digit', minute: '2-digit' }) }));
    return parts.join(' · ');
  };
  return (
    <A
      href={app.unlocked() ? '/sync' : '/'}
      class={`sync-status state-${status()?.state ?? 'unpaired'} ${app.unlocked() ? 'supervisor' : 'participant'}`}
      aria-label={label()}
      title={label()}
    >
      <Pictogram id={look().pictogram} class="sync-icon" />
      <Show when={app.unlocked()}>
        <span class="label sync-label">
          {t(look().label)}
          <Show when={showPending()}>
            <span class="sync-pending"> · {formatNumber(pending())}</span>
          </Show>
        </span>
      </Show>
    </A>
  );
}
