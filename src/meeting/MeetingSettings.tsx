/**
 * The meeting's agenda, per workplace (/supervisor/meeting): which steps are
 * in the meeting and in what order, how many minutes each step aims for,
 * and the whole meeting's target length. Every change is a tap (on/off,
 * up/down, shorter/longer), nothing to type; "Save" stores it on the
 * workplace, so every tablet runs the same agenda.
 */
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { useApp } from '../core/context';
import { AdminScreen } from '../core/admin';
import { PictoButton } from '../core/ui';
import type { MeetingAgendaStep } from '../domain/types';
import {
  agendaMinutes,
  defaultAgenda,
  DEFAULT_MEETING_MINUTES,
  MEETING_MINUTES_MAX,
  MEETING_MINUTES_MIN,
  meetingTargetMinutes,
  moveAgendaStep,
  normalizeAgenda,
  setAgendaStep,
  STEP_MINUTES_MAX,
  STEP_MINUTES_MIN,
  validateAgenda,
} from '../domain/meeting';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { STEP_PICTOGRAM } from './steps/catalog';
import './meeting.css';

export default function MeetingSettings() {
  const app = useApp();
  const { t } = useI18n();
  const [agenda, setAgenda] = createSignal<MeetingAgendaStep[]>(defaultAgenda());
  const [target, setTarget] = createSignal(DEFAULT_MEETING_MINUTES);
  const [errors, setErrors] = createSignal<string[]>([]);

  // The form starts from the stored agenda once the workplace has loaded.
  createEffect(
    on(
      () => app.workplace()?.id,
      () => {
        const wp = app.workplace();
        if (!wp) return;
        setAgenda(normalizeAgenda(wp.meetingAgenda));
        setTarget(meetingTargetMinutes(wp.meetingTargetMinutes));
      },
    ),
  );

  const name = (s: MeetingAgendaStep) => t(`meeting.step.${s.step}`);

  const save = async () => {
    const wp = app.workplaceId();
    const problems = validateAgenda(agenda(), target());
    setErrors(problems.map((k) => t(k)));
    if (!wp || problems.length || !app.unlocked()) {
      if (problems[0]) app.notify({ kind: 'error', pictogram: 'warning', message: problems[0] });
      return;
    }
    const [steps, minutes] = [agenda(), target()];
    const saved = await app.run(() => app.repos.meetings.setAgenda(wp, steps, minutes));
    if (saved) app.notify({ kind: 'success', pictogram: 'check', message: 'meeting.agendaSaved' });
  };

  return (
    <AdminScreen title={t('meeting.settingsTitle')} pictogram="meeting" class="meeting-settings-screen">
      <div class="agenda-total">
        <Pictogram id="clock" />
        <span id="agenda-target-label">{t('meeting.targetMinutes')}</span>
        <PictoButton
          pictogram="minus"
          label={t('meeting.shorter')}
          aria-label={`${t('meeting.shorter')}: ${t('meeting.targetMinutes')}`}
          size="small"
          disabled={target() <= MEETING_MINUTES_MIN}
          onClick={() => setTarget((m) => Math.max(MEETING_MINUTES_MIN, m - 1))}
        />
        <output aria-labelledby="agenda-target-label">{t('meeting.minutes', { minutes: target() })}</output>
        <PictoButton
          pictogram="plus"
          label={t('meeting.longer')}
          aria-label={`${t('meeting.longer')}: ${t('meeting.targetMinutes')}`}
          size="small"
          disabled={target() >= MEETING_MINUTES_MAX}
          onClick={() => setTarget((m) => Math.min(MEETING_MINUTES_MAX, m + 1))}
        />
        <span class="agenda-sum">{t('meeting.stepsSum', { minutes: agendaMinutes(agenda()) })}</span>
      </div>
      <ol class="agenda-editor" aria-label={t('meeting.agenda')}>
        <For each={agenda().map((a) => a.step)}>
          {(id, i) => {
            // rows are keyed by step, so focus stays on a row as it moves
            const s = () => agenda().find((a) => a.step === id)!;
            return (
              <li class={`agenda-row ${s().enabled ? '' : 'is-off'}`}>
                <span class="agenda-row-name">
                  <Pictogram id={STEP_PICTOGRAM[s().step]} />
                  <span>{name(s())}</span>
                </span>
                <PictoButton
                  pictogram={s().enabled ? 'check' : 'cancel'}
                  label={t('meeting.included')}
                  aria-label={`${t('meeting.included')}: ${name(s())}`}
                  aria-pressed={s().enabled}
                  size="small"
                  onClick={() => setAgenda((a) => setAgendaStep(a, s().step, { enabled: !s().enabled }))}
                />
                <span class="agenda-minutes">
                  <PictoButton
                    pictogram="minus"
                    label={t('meeting.shorter')}
                    aria-label={`${t('meeting.shorter')}: ${name(s())}`}
                    size="small"
                    disabled={s().minutes <= STEP_MINUTES_MIN}
                    onClick={() => setAgenda((a) => setAgendaStep(a, s().step, { minutes: s().minutes - 1 }))}
                  />
                  <output>{t('meeting.minutes', { minutes: s().minutes })}</output>
                  <PictoButton
                    pictogram="plus"
                    label={t('meeting.longer')}
                    aria-label={`${t('meeting.longer')}: ${name(s())}`}
                    size="small"
                    disabled={s().minutes >= STEP_MINUTES_MAX}
                    onClick={() => setAgenda((a) => setAgendaStep(a, s().step, { minutes: s().minutes + 1 }))}
                  />
                </span>
                <PictoButton
                  pictogram="up"
                  label={t('meeting.moveUp')}
                  aria-label={`${t('meeting.moveUp')}: ${name(s())}`}
                  size="small"
                  disabled={i() === 0}
                  onClick={() => setAgenda((a) => moveAgendaStep(a, i(), -1))}
                />
                <PictoButton
                  pictogram="down"
                  label={t('meeting.moveDown')}
                  aria-label={`${t('meeting.moveDown')}: ${name(s())}`}
                  size="small"
                  disabled={i() === agenda().length - 1}
                  onClick={() => setAgenda((a) => moveAgendaStep(a, i(), 1))}
                />
              </li>
            );
          }}
        </For>
      </ol>
      <Show when={errors().length > 0}>
        <p class="form-error" role="alert">
          {errors().join(' ')}
        </p>
      </Show>
      <div class="row">
        <PictoButton pictogram="save" label={t('app.save')} variant="primary" size="large" onClick={() => void save()} />
        <PictoButton
          pictogram="undo"
          label={t('meeting.resetAgenda')}
          onClick={() => {
            setAgenda(defaultAgenda());
            setTarget(DEFAULT_MEETING_MINUTES);
          }}
        />
      </div>
    </AdminScreen>
  );
}
