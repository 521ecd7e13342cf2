/**
 * Pieces the supervisor's report, trends, backup and retention screens
 * share: the screen frame with its way back to the supervisor hub, and
 * saving a file to the device (a download the browser hands to the user).
 * Kept apart from core/admin.tsx so these lazily loaded screens
 * do not pull in the pictogram picker.
 */
import { A } from '@solidjs/router';
import type { ParentProps } from 'solid-js';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { Screen } from './ui';
import './tools.css';

export function ToolScreen(props: ParentProps<{ title: string; pictogram: string; class?: string; back?: boolean }>) {
  const { t } = useI18n();
  return (
    <Screen
      title={props.title}
      pictogram={props.pictogram}
      class={`supervisor-screen tool-screen ${props.class ?? ''}`}
      actions={
        props.back === false ? undefined : (
          <A href="/supervisor" class="picto-button secondary normal tool-back no-print" aria-label={`${t('app.back')}: ${t('supervisor.manage')}`}>
            <Pictogram id="previous" class="picto-button-icon" />
            <span class="label">{t('supervisor.manage')}</span>
          </A>
        )
      }
    >
      {props.children}
    </Screen>
  );
}

/** Hands a file to the browser's download (on a tablet: the Files app / Downloads). */
export function downloadFile(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // give the browser time to start reading the file before it is released
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
