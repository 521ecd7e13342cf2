/**
 * First run: a welcome with two big choices (a new board, or the demo), then
 * a wizard with one question per screen — name, activity, times and open
 * days, the people (first name + a distinct face), supervisor PIN — and a step indicator. Creating the board stores the
 * workplace (the PIN only as a salted hash), applies the activity's template
 * and opens the board. A device that already has a workplace never sees this.
 */
import { Navigate, useNavigate } from '@solidjs/router';
import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { applyTemplate } from './templates';
import { startDemoOnDevice } from './demo';
import { takeFirstRunAction } from './firstRun';
import { finishDemo } from './DemoHistory';
import { ACTIVITY_TYPES, type ActivityType } from '../domain/types';
import { collapseSpaces, normalizeFirstName } from '../domain/text';
import { defaultPersonLanguage, distinctAvatar } from '../domain/avatars';
import { PERSON_LANGUAGES, useI18n, type MessageKey } from '../i18n';
import { ACTIVITY_PICTOGRAM, AVATAR_PICTOGRAMS } from '../pictograms/catalog';
import { Pictogram } from '../pictograms/Pictogram';
import { LanguageButton } from '../core/board/BoardHeader';
import { useApp } from '../core/context';
import { PictoButton, PictoLink } from '../core/ui';
import { Field, FieldError, PinInput, OpeningHoursFields } from '../core/fields';
import { validateHours, validateNewPin, validateWorkplaceName } from '../core/validate';
import './setup.css';
import { AdminForm } from '../core/form';

const STEPS = 5;
const PEOPLE_STEP = 3;
const PIN_STEP = 4;

type Stage = 'welcome' | 0 | 1 | 2 | 3 | 4;

interface NewPersonDraft {
  key: number;
  firstName: string;
  avatar: string;
}

export default function Setup() {
  const app = useApp();
  return (
    <Show when={!app.workplaceId()} fallback={<Navigate href="/" />}>
      <Wizard />
    </Show>
  );
}

function Wizard() {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [stage, setStage] = createSignal<Stage>('welcome');
  const [busy, setBusy] = createSignal(false);

  const [name, setName] = createSignal('');
  const [activity, setActivity] = createSignal<ActivityType | null>(null);
  const [opening, setOpening] = createSignal('08:00');
  const [closing, setClosing] = createSignal('15:00');
  const [openDays, setOpenDays] = createSignal<number[]>([1, 2, 3, 4, 5]);
  const [pin, setPin] = createSignal('');
  const [pinRepeat, setPinRepeat] = createSignal('');
  const [people, setPeople] = createSignal<NewPersonDraft[]>([]);
  const [personName, setPersonName] = createSignal('');
  const [personTried, setPersonTried] = createSignal(false);
  let personKey = 0;
  /** errors are shown only after a try to go on, not while typing */
  const [tried, setTried] = createSignal<Record<number, boolean>>({});

  const nameError = () => validateWorkplaceName(name());
  const activityError = (): MessageKey | null => (activity() ? null : 'setup.activityRequired');
  const hoursError = () => validateHours(opening(), closing(), openDays());
  const pinError = () => validateNewPin(pin(), pinRepeat());

  const stepOk = (s: number) => {
    if (s === 0) return !nameError();
    if (s === 1) return !activityError();
    if (s === 2) return !hoursError().times && !hoursError().days;
    if (s === PEOPLE_STEP) return true;
    return !pinError();
  };
  const shown = (s: number, key: MessageKey | null | undefined) => (tried()[s] && key ? t(key) : null);

  const next = () => {
    const s = stage();
    if (s === 'welcome') return;
    setTried((x) => ({ ...x, [s]: true }));
    if (!stepOk(s)) return;
    if (s === PEOPLE_STEP && personName().trim() && !addPerson()) return;
    if (s < PIN_STEP) setStage((s + 1) as Stage);
    else void create();
  };
  const back = () => {
    const s = stage();
    if (s === 'welcome') return;
    setStage(s === 0 ? 'welcome' : ((s - 1) as Stage));
  };

  const create = async () => {
    const type = activity();
    if (busy() || !type) return;
    setBusy(true);
    const ok = await app.run(async () => {
      const wp = await app.repos.workplaces.create({
        name: collapseSpaces(name()),
        activityType: type,
        openingTime: opening(),
        closingTime: closing(),
        openDays: openDays(),
        pin: pin(),
      });
      await applyTemplate(app.repos, wp.id, type, i18n.lang());
      const language = defaultPersonLanguage(i18n.lang(), PERSON_LANGUAGES.map((l) => l.code));
      for (const p of people()) await app.repos.persons.add(wp.id, { firstName: p.firstName, avatar: { kind: 'pictogram', ref: p.avatar }, language });
      await app.setWorkplaceId(wp.id);
      return true;
    });
    setBusy(false);
    if (!ok) return;
    const chosenPin = pin();
    if (people().length > 0) {
      // the next step is the participants': their faces are on the board
      app.notify({ kind: 'success', pictogram: 'check', message: 'setup.createdWithPeople', params: { count: people().length } });
    } else {
      // no dead end at "0 of 0 here": the notice leads straight to adding people
      app.notify({
        kind: 'success',
        pictogram: 'check',
        message: 'setup.createdAddPeople',
        action: {
          label: 'setup.addPeople',
          pictogram: 'people',
          run: async () => {
            if (!app.unlocked()) await app.unlock(chosenPin);
            navigate('/supervisor/people');
          },
        },
        duration: 30_000,
      });
    }
    navigate('/', { replace: true });
  };

  const tryDemo = async () => {
    if (busy()) return;
    setBusy(true);
    // what today's board shows is stored first, and the board opens on it; the history follows
    const facts = { today: app.today(), lang: i18n.lang(), now: app.repos.db.stamp() };
    const demo = await app.run(async () => {
      // today's board and the device's workplace in one transaction
      const started = await startDemoOnDevice(app.repos, facts);
      await app.setWorkplaceId(started.workplace.id);
      return started;
    });
    setBusy(false);
    if (!demo) return;
    navigate('/', { replace: true });
    // the past days once the board is on screen (DemoHistory.tsx)
    await finishDemo(app, demo);
  };

  const personResult = () => normalizeFirstName(personName());
  const personError = (): string | null => {
    if (!personTried()) return null;
    const r = personResult();
    if (!r.ok) return t(r.error);
    return people().some((p) => p.firstName.toLocaleLowerCase() === r.value.toLocaleLowerCase()) ? t('setup.personTwice') : null;
  };
  /** adds the typed name with a face no one has yet; false when the name cannot be used */
  const addPerson = (): boolean => {
    setPersonTried(true);
    const r = personResult();
    if (!r.ok || personError()) return false;
    const avatar = distinctAvatar(people().map((p) => p.avatar), AVATAR_PICTOGRAMS);
    setPeople((list) => [...list, { key: ++personKey, firstName: r.value, avatar }]);
    setPersonName('');
    setPersonTried(false);
    return true;
  };
  /** the next face no one else has */
  const otherFace = (key: number) =>
    setPeople((list) => {
      const me = list.find((p) => p.key === key)!;
      const taken = list.filter((p) => p.key !== key).map((p) => p.avatar);
      const faces: readonly string[] = AVATAR_PICTOGRAMS;
      const from = faces.indexOf(me.avatar);
      const rotated = [...faces.slice(from + 1), ...faces.slice(0, from + 1)];
      return list.map((p) => (p.key === key ? { ...p, avatar: distinctAvatar(taken, rotated.filter((f) => !taken.includes(f)).length ? rotated.filter((f) => !taken.includes(f)) : rotated) } : p));
    });

  const stepNumber = () => {
    const s = stage();
    return s === 'welcome' ? 0 : s + 1;
  };

  let header: HTMLElement | undefined;
  // a choice made on the light welcome before the app had loaded (firstVisit.ts): carried out as if tapped here
  onMount(() => {
    const action = takeFirstRunAction();
    if (action === 'start') setStage(0);
    else if (action === 'demo') void tryDemo();
    else if (action === 'language') header?.querySelector<HTMLButtonElement>('button')?.click();
  });

  return (
    <main class="setup" aria-labelledby="setup-title">
      <header class="setup-header" ref={header}>
        <h1 id="setup-title" class="setup-title">
          <Pictogram id="tablet" class="title-icon" />
          <span>{t('setup.welcome')}</span>
        </h1>
        <LanguageButton />
      </header>
      <Show
        when={stage() !== 'welcome'}
        fallback={
          <section class="setup-welcome" aria-label={t('setup.welcome')}>
            <p class="setup-lead">{t('setup.welcomeText')}</p>
            <div class="setup-choices">
              <PictoButton pictogram="plus" label={t('setup.start')} variant="primary" size="large" class="setup-choice" disabled={busy()} onClick={() => setStage(0)} />
              <div class="setup-choice-wrap">
                <PictoButton pictogram="play" label={t('setup.tryDemo')} variant="tile" size="large" class="setup-choice" disabled={busy()} aria-describedby="setup-demo-text" onClick={() => void tryDemo()} />
                <p id="setup-demo-text" class="hint">
                  {t('setup.demoText')}
                </p>
              </div>
            </div>
            <div class="row">
              <PictoLink href="/restore" pictogram="save" label={t('setup.restore')} />
            </div>
          </section>
        }
      >
        <AdminForm class="setup-step" onSubmit={next}>
          <p class="setup-progress">
            <span>{t('setup.step', { n: stepNumber(), total: STEPS })}</span>
            <span class="setup-dots" aria-hidden="true">
              <For each={[1, 2, 3, 4, 5]}>{(n) => <span class={`setup-dot ${n <= stepNumber() ? 'on' : ''}`} />}</For>
            </span>
          </p>
          <Switch>
            <Match when={stage() === 0}>
              <Field label={t('setup.workplaceName')} pictogram="home" error={shown(0, nameError())}>
                <input type="text" name="workplaceName" autocomplete="off" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
              </Field>
            </Match>
            <Match when={stage() === 1}>
              <fieldset class="tavla-fieldset">
                <legend class="tavla-field-label">
                  <Pictogram id="workshop" class="tavla-field-icon" />
                  <span>{t('setup.activityType')}</span>
                </legend>
                <div class="tavla-choice-grid setup-activities">
                  <For each={ACTIVITY_TYPES}>
                    {(type) => (
                      <PictoButton
                        pictogram={ACTIVITY_PICTOGRAM[type]}
                        label={t(`activity.${type}`)}
                        variant="tile"
                        aria-pressed={activity() === type}
                        onClick={() => setActivity(type)}
                      />
                    )}
                  </For>
                </div>
                <FieldError message={shown(1, activityError())} />
              </fieldset>
            </Match>
            <Match when={stage() === 2}>
              <OpeningHoursFields
                class="row setup-times"
                opening={opening()}
                closing={closing()}
                openDays={openDays()}
                onOpening={setOpening}
                onClosing={setClosing}
                onOpenDays={setOpenDays}
                timesError={shown(2, hoursError().times)}
                daysError={shown(2, hoursError().days)}
              />
            </Match>
            <Match when={stage() === PEOPLE_STEP}>
              <fieldset class="tavla-fieldset setup-people">
                <legend class="tavla-field-label">
                  <Pictogram id="people" class="tavla-field-icon" />
                  <span>{t('setup.people')}</span>
                </legend>
                <p class="hint">
                  <Pictogram id="info" />
                  <span>{t('setup.peopleHint')}</span>
                </p>
                <div class="setup-person-add">
                  <Field label={t('person.firstName')} pictogram="person" error={personError()}>
                    <input
                      type="text"
                      name="personName"
                      autocomplete="off"
                      value={personName()}
                      onInput={(e) => setPersonName(e.currentTarget.value)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          addPerson();
                        }
                      }}
                    />
                  </Field>
                  <PictoButton pictogram="plus" label={t('setup.addPerson')} onClick={() => addPerson()} />
                </div>
                <Show when={people().length > 0} fallback={<p class="hint">{t('setup.noPeopleYet')}</p>}>
                  <ul class="setup-people-list" role="list">
                    <For each={people()}>
                      {(p) => (
                        <li class="setup-person">
                          <button type="button" class="setup-person-face" aria-label={t('setup.otherFace', { name: p.firstName })} onClick={() => otherFace(p.key)}>
                            <Pictogram id={p.avatar} class="face" />
                          </button>
                          <span class="setup-person-name">{p.firstName}</span>
                          <PictoButton
                            pictogram="trash"
                            label={t('setup.remove')}
                            aria-label={t('setup.removePerson', { name: p.firstName })}
                            variant="ghost"
                            size="small"
                            onClick={() => setPeople((list) => list.filter((x) => x.key !== p.key))}
                          />
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </fieldset>
            </Match>
            <Match when={stage() === PIN_STEP}>
              <p class="hint">
                <Pictogram id="lock" />
                <span>{t('setup.pinHint')}</span>
              </p>
              <Field label={t('setup.pin')} pictogram="lock">
                <PinInput name="pin" value={pin()} onInput={setPin} />
              </Field>
              <Field label={t('setup.pinRepeat')} pictogram="lock">
                <PinInput name="pinRepeat" value={pinRepeat()} onInput={setPinRepeat} />
              </Field>
              <FieldError message={shown(PIN_STEP, pinError())} />
            </Match>
          </Switch>
          <div class="setup-nav">
            <PictoButton pictogram="previous" label={t('app.back')} onClick={back} disabled={busy()} />
            <Show
              when={stage() === PIN_STEP}
              fallback={<PictoButton pictogram="next" label={t('app.next')} variant="primary" type="submit" />}
            >
              <PictoButton pictogram="check" label={t('setup.create')} variant="primary" type="submit" disabled={busy()} />
            </Show>
          </div>
        </AdminForm>
      </Show>
    </main>
  );
}
