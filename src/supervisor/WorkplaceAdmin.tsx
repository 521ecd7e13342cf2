/**
 * Workplace: name, opening and closing time, open days, a new supervisor
 * PIN (typed twice; the old one is not asked, supervisor mode is already
 * unlocked), and — on the demo — leaving the demo, which removes all of its
 * data from this device and goes back to the first-run screen.
 */
import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { Workplace } from '../domain/types';
import { collapseSpaces } from '../domain/text';
import { useI18n } from '../i18n';
import { useApp } from '../core/context';
import { PictoButton } from '../core/ui';
import { Field, FieldError, PinInput, OpeningHoursFields } from '../core/fields';
import { validateHours, validateNewPin, validateWorkplaceName } from '../core/validate';
import { AdminScreen, AdminSection, ConfirmDialog } from '../core/admin';
import { AdminForm, createFormAction } from '../core/form';

function SettingsForm(props: { workplace: Workplace }) {
  const app = useApp();
  const { t } = useI18n();
  /* eslint-disable solid/reactivity -- the form starts from the stored settings once */
  const [name, setName] = createSignal(props.workplace.name);
  const [opening, setOpening] = createSignal(props.workplace.openingTime);
  const [closing, setClosing] = createSignal(props.workplace.closingTime);
  const [openDays, setOpenDays] = createSignal<number[]>([...props.workplace.openDays]);
  /* eslint-enable solid/reactivity */
  const nameError = () => validateWorkplaceName(name());
  const hours = () => validateHours(opening(), closing(), openDays());
  const shown = (key: Parameters<typeof t>[0] | null | undefined) => (tried() && key ? t(key) : null);

  const action = createFormAction({
    valid: () => !(nameError() || hours().times || hours().days),
    write: () =>
      app.repos.workplaces.update(props.workplace.id, { name: collapseSpaces(name()), openingTime: opening(), closingTime: closing(), openDays: openDays() }),
  });
  const tried = action.tried;

  return (
    <AdminSection id="admin-workplace-settings" pictogram="settings" title={t('supervisor.workplace.settings')}>
      <AdminForm onSubmit={action.submit}>
        <Field label={t('setup.workplaceName')} pictogram="home" error={shown(nameError())}>
          <input type="text" name="workplaceName" autocomplete="off" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <OpeningHoursFields
          opening={opening()}
          closing={closing()}
          openDays={openDays()}
          onOpening={setOpening}
          onClosing={setClosing}
          onOpenDays={setOpenDays}
          timesError={shown(hours().times)}
          daysError={shown(hours().days)}
        />
        <div class="row supervisor-form-actions">
          <PictoButton pictogram="save" label={t('app.save')} variant="primary" type="submit" />
        </div>
      </AdminForm>
    </AdminSection>
  );
}

function ChangePin(props: { workplaceId: string }) {
  const app = useApp();
  const { t } = useI18n();
  const [pin, setPin] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const error = () => validateNewPin(pin(), repeat());

  const action = createFormAction({
    valid: () => !error(),
    write: () => app.repos.workplaces.changePin(props.workplaceId, pin()),
    notice: () => ({ kind: 'success', pictogram: 'lock', message: 'supervisor.workplace.pinChanged' }),
    done: () => {
      setPin('');
      setRepeat('');
      action.setTried(false);
    },
  });
  const tried = action.tried;

  return (
    <AdminSection id="admin-change-pin" pictogram="lock" title={t('supervisor.workplace.changePin')}>
      <AdminForm onSubmit={action.submit}>
        <Field label={t('supervisor.workplace.newPin')} pictogram="lock">
          <PinInput name="newPin" value={pin()} onInput={setPin} />
        </Field>
        <Field label={t('setup.pinRepeat')} pictogram="lock">
          <PinInput name="newPinRepeat" value={repeat()} onInput={setRepeat} />
        </Field>
        <FieldError message={tried() && error() ? t(error()!) : null} />
        <div class="row supervisor-form-actions">
          <PictoButton pictogram="save" label={t('supervisor.workplace.changePin')} variant="primary" type="submit" />
        </div>
      </AdminForm>
    </AdminSection>
  );
}

function LeaveDemo(props: { workplaceId: string }) {
  const app = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [confirming, setConfirming] = createSignal(false);

  const leave = async () => {
    setConfirming(false);
    if (!app.unlocked()) return;
    const ok = await app.run(async () => {
      await app.repos.workplaces.eraseFromDevice(props.workplaceId);
      app.lock();
      await app.setWorkplaceId(null);
      return true;
    });
    if (ok) navigate('/setup', { replace: true });
  };

  return (
    <AdminSection id="admin-demo" pictogram="info" title={t('supervisor.workplace.demo')}>
      <div class="row">
        <PictoButton pictogram="close" label={t('app.leaveDemo')} variant="danger" onClick={() => setConfirming(true)} />
      </div>
      <Show when={confirming()}>
        <ConfirmDialog
          title={t('app.leaveDemo')}
          pictogram="warning"
          message={t('app.leaveDemoConfirm')}
          confirmLabel={t('app.leaveDemo')}
          onConfirm={leave}
          onClose={() => setConfirming(false)}
        />
      </Show>
    </AdminSection>
  );
}

export default function WorkplaceAdmin() {
  const app = useApp();
  const { t } = useI18n();
  return (
    <AdminScreen title={t('supervisor.workplace')} pictogram="settings">
      <Show when={app.workplace()} keyed>
        {(wp) => (
          <>
            <Show when={wp.demo}>
              <LeaveDemo workplaceId={wp.id} />
            </Show>
            <SettingsForm workplace={wp} />
            <ChangePin workplaceId={wp.id} />
          </>
        )}
      </Show>
    </AdminScreen>
  );
}
