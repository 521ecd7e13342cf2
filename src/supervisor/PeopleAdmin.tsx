/**
 * People: the list with faces; add and edit (first name only — anything that
 * looks like an identity number is refused —, a face from the avatar set or
 * a photo, the preferred language); erase, which blanks the person's data
 * for good on every device (see personsRepo.erase), after a confirm that
 * says it cannot be undone.
 */
import { createSignal, For, Show } from 'solid-js';
import { createLive } from '../core/live';
import type { Avatar, Person } from '../domain/types';
import { normalizeFirstName } from '../domain/text';
import { PERSON_LANGUAGES, languageName, useI18n } from '../i18n';
import { defaultPersonLanguage, distinctAvatar } from '../domain/avatars';
import { AVATAR_PICTOGRAMS } from '../pictograms/catalog';
import { Pictogram } from '../pictograms/Pictogram';
import { resizeImage } from '../pictograms/resize';
import { useApp } from '../core/context';
import { EmptyNote, Dialog, FaceImage, PictoButton } from '../core/ui';
import { Field, FieldError } from '../core/fields';
import { AdminScreen, ConfirmDialog, FormActions, imageErrorKey, useWorkplaceId } from '../core/admin';
import { AdminForm, createFormAction } from '../core/form';
import { PicturePinDialog } from '../core/board/PicturePinDialog';

/** Reads a chosen photo into a stored, resized blob; returns its hash. Errors propagate (too large, corrupt). */
export async function storePhoto(app: ReturnType<typeof useApp>, workplaceId: string, file: File, max = 512): Promise<string> {
  const image = await resizeImage(file, max);
  return app.repos.blobs.put(workplaceId, image);
}

/** `usedFaces`: the faces the workplace's people already have; a new person gets another one. */
function PersonForm(props: { person: Person | null; usedFaces: readonly string[]; onClose: () => void }) {
  const app = useApp();
  const { t, pl, lang } = useI18n();
  const wpId = useWorkplaceId();
  // eslint-disable-next-line solid/reactivity -- the form starts from the person once
  const [name, setName] = createSignal(props.person?.firstName ?? '');
  // eslint-disable-next-line solid/reactivity -- as above
  const [avatar, setAvatar] = createSignal<Avatar>(props.person?.avatar ?? { kind: 'pictogram', ref: distinctAvatar(props.usedFaces, AVATAR_PICTOGRAMS) });
  // eslint-disable-next-line solid/reactivity -- as above
  const [language, setLanguage] = createSignal(props.person?.language || defaultPersonLanguage(lang(), PERSON_LANGUAGES.map((l) => l.code)));
  const [photoError, setPhotoError] = createSignal<string | null>(null);

  const result = () => normalizeFirstName(name());
  const nameError = () => {
    const r = result();
    return tried() && !r.ok ? t(r.error) : null;
  };

  const choosePhoto = async (file: File | undefined) => {
    if (!file) return;
    setPhotoError(null);
    try {
      const hash = await storePhoto(app, wpId(), file);
      setAvatar({ kind: 'photo', ref: hash });
    } catch (err) {
      setPhotoError(t(imageErrorKey(err)));
    }
  };

  const action = createFormAction({
    valid: () => result().ok,
    write: () => {
      const r = result();
      if (!r.ok) return Promise.resolve(undefined);
      return props.person
        ? app.repos.persons.update(props.person.id, { firstName: r.value, avatar: avatar(), language: language() })
        : app.repos.persons.add(wpId(), { firstName: r.value, avatar: avatar(), language: language() });
    },
    notice: () => {
      const r = result();
      return { kind: 'success', pictogram: 'check', message: props.person ? 'app.saved' : 'person.added', params: { name: r.ok ? r.value : '' } };
    },
    done: () => props.onClose(),
  });
  const { tried, busy } = action;

  return (
    <Dialog title={props.person ? t('person.edit', { name: props.person.firstName }) : t('person.add')} pictogram="person" onClose={() => props.onClose()}>
      <AdminForm onSubmit={action.submit}>
        <Field label={t('person.firstName')} pictogram="person" error={nameError()}>
          <input type="text" name="firstName" autocomplete="off" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <fieldset class="tavla-fieldset">
          <legend class="tavla-field-label">
            <Pictogram id="photo" class="tavla-field-icon" />
            <span>{t('person.avatar')}</span>
          </legend>
          <div class="row">
            <FaceImage person={{ avatar: avatar() }} class="supervisor-preview" />
            <label class="picto-button secondary normal supervisor-file">
              <Pictogram id="camera" class="picto-button-icon" />
              <span class="label">{t('person.takePhoto')}</span>
              <input type="file" accept="image/*" name="photo" onChange={(e) => void choosePhoto(e.currentTarget.files?.[0])} />
            </label>
          </div>
          <FieldError message={photoError()} />
          <p class="tavla-field-label">
            <Pictogram id="person" class="tavla-field-icon" />
            <span>{t('person.usePictogram')}</span>
          </p>
          <div class="supervisor-avatar-grid">
            <For each={AVATAR_PICTOGRAMS}>
              {(id) => (
                <button
                  type="button"
                  aria-label={pl(id)}
                  aria-pressed={avatar().kind === 'pictogram' && avatar().ref === id}
                  onClick={() => setAvatar({ kind: 'pictogram', ref: id })}
                >
                  <Pictogram id={id} />
                </button>
              )}
            </For>
          </div>
        </fieldset>
        <Field label={t('person.language')} pictogram="language">
          <select name="language" value={language()} onChange={(e) => setLanguage(e.currentTarget.value)}>
            <For each={PERSON_LANGUAGES}>
              {(l) => (
                <option value={l.code} lang={l.code}>
                  {l.name}
                </option>
              )}
            </For>
          </select>
        </Field>
        <FormActions onClose={() => props.onClose()} busy={busy()} />
      </AdminForm>
    </Dialog>
  );
}

export default function PeopleAdmin() {
  const app = useApp();
  const { t } = useI18n();
  const people = createLive(() => app.workplaceId(), (id) => app.repos.persons.list(id), [] as Person[]);
  const [editing, setEditing] = createSignal<Person | 'new' | null>(null);
  const [erasing, setErasing] = createSignal<Person | null>(null);
  const [pinFor, setPinFor] = createSignal<Person | null>(null);

  const erase = async (p: Person) => {
    if (!app.unlocked()) return;
    setErasing(null);
    const done = await app.run(async () => {
      await app.repos.persons.erase(p.id);
      return true;
    });
    if (done) app.notify({ kind: 'success', pictogram: 'trash', message: 'person.erased' });
  };

  return (
    <AdminScreen title={t('supervisor.people')} pictogram="people">
      <div class="row">
        <PictoButton pictogram="plus" label={t('person.add')} variant="primary" onClick={() => setEditing('new')} />
      </div>
      <Show when={people().length > 0} fallback={<EmptyNote pictogram="people" text={t('person.none')} />}>
        <ul class="supervisor-list" role="list">
          <For each={people()}>
            {(p) => (
              <li class="supervisor-row">
                <FaceImage person={p} />
                <span class="supervisor-row-text">
                  <span class="supervisor-row-title">{p.firstName}</span>
                  <span class="supervisor-row-detail" lang={p.language}>
                    {languageName(p.language)}
                  </span>
                </span>
                <span class="supervisor-row-actions">
                  <PictoButton
                    pictogram={p.picturePin ? 'lock' : 'unlock'}
                    label={t('me.pin.title')}
                    aria-label={`${t('me.pin.title')}: ${p.firstName}`}
                    aria-pressed={Boolean(p.picturePin)}
                    size="small"
                    onClick={() => setPinFor(p)}
                  />
                  <PictoButton pictogram="edit" label={t('app.edit')} aria-label={t('person.edit', { name: p.firstName })} size="small" onClick={() => setEditing(p)} />
                  <PictoButton
                    pictogram="trash"
                    label={t('person.erase')}
                    aria-label={`${t('person.erase')}: ${p.firstName}`}
                    variant="danger"
                    size="small"
                    onClick={() => setErasing(p)}
                  />
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={editing()} keyed>{(e) => <PersonForm person={e === 'new' ? null : e} usedFaces={people().flatMap((p) => (p.avatar.kind === 'pictogram' ? [p.avatar.ref] : []))} onClose={() => setEditing(null)} />}</Show>
      <Show when={pinFor()} keyed>{(p) => <PicturePinDialog person={p} onClose={() => setPinFor(null)} />}</Show>
      <Show when={erasing()}>
        {(p) => (
          <ConfirmDialog
            title={t('person.eraseTitle')}
            pictogram="trash"
            message={t('person.eraseConfirm', { name: p().firstName })}
            confirmLabel={t('person.eraseYes')}
            onConfirm={() => erase(p())}
            onClose={() => setErasing(null)}
          />
        )}
      </Show>
    </AdminScreen>
  );
}
