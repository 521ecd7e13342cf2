/** On the supervisor's hub: how many follow-ups are due today or overdue, with the way to them. */
import { A } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { useApp } from '../core/context';
import { createLive } from '../core/live';
import { dueFollowUps, isDue } from '../domain/growth';
import type { FollowUp } from '../domain/types';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import './growth.css';

export default function DueNotice() {
  const app = useApp();
  const { t } = useI18n();
  const followUps = createLive(() => app.workplaceId(), (wp) => app.repos.growth.allFollowUps(wp), [] as FollowUp[]);
  const due = createMemo(() => dueFollowUps(app.lookups.people(), followUps(), app.today()).filter((d) => isDue(d.status)).length);
  return (
    <Show when={due() > 0}>
      <A href="/growth" class="growth-due-notice" role="status">
        <Pictogram id="bell" class="growth-status-icon" />
        <span>{t('growth.due.count', { count: due() })}</span>
      </A>
    </Show>
  );
}
