/**
 * Shared building blocks of every screen: pictogram buttons, faces, the
 * screen frame with its way home, and the big notice (confirmation / error
 * with undo). Every control carries a pictogram and an accessible name, and
 * touch targets are at least 64 CSS px (see styles.css).
 */
import { A } from '@solidjs/router';
import { createEffect, createSignal, For, onCleanup, Show, splitProps, type JSX, type ParentProps } from 'solid-js';
import { Pictogram } from '../pictograms/Pictogram';
import type { Person } from '../domain/types';
import { useI18n } from '../i18n';
import { useApp, type Notice } from './context';
import { createLive } from './live';
import { wantBlob } from '../data/wantedBlobs';
import { BilingualLabel } from './speech/BilingualLabel';
import { SpeakButton } from './speech/SpeakButton';
import './notices.css';
import './icon-contrast.css';

type ButtonProps = JSX.ButtonHTMLAttributes<HTMLButtonElement> & {
  pictogram: string;
  pictogramSrc?: string;
  /** visible text under the pictogram; also the accessible name unless aria-label is given */
  label: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost' | 'tile';
  size?: 'small' | 'normal' | 'large';
};

export function PictoButton(props: ButtonProps) {
  const [own, rest] = splitProps(props, ['pictogram', 'pictogramSrc', 'label', 'variant', 'size', 'class', 'children']);
  return (
    <button
      type="button"
      {...rest}
      aria-label={rest['aria-label'] ?? own.label}
      class={`picto-button ${own.variant ?? 'secondary'} ${own.size ?? 'normal'} ${own.class ?? ''}`}
    >
      <Pictogram id={own.pictogram} src={own.pictogramSrc} class="picto-button-icon" />
      <span class="label">
        <BilingualLabel text={own.label} />
      </span>
      {own.children}
    </button>
  );
}

/** A titled part of a screen: its heading (pictogram and words) names the region. */
export function TitledSection(
  props: ParentProps<{ id: string; pictogram: string; title: JSX.Element; class?: string; headingClass?: string; iconClass?: string; speakOff?: boolean }>,
) {
  return (
    <section class={props.class} aria-labelledby={props.id} data-speak-off={props.speakOff ? '' : undefined}>
      <h2 id={props.id} class={props.headingClass}>
        <Pictogram id={props.pictogram} class={props.iconClass} />
        <span>{props.title}</span>
      </h2>
      {props.children}
    </section>
  );
}

/** What a list shows when it has nothing yet: a pictogram and the words, so a non-reader sees it is empty on purpose. */
export function EmptyNote(props: { pictogram: string; text: string }) {
  return (
    <p class="empty">
      <Pictogram id={props.pictogram} />
      <span>{props.text}</span>
    </p>
  );
}

export function PictoLink(props: { href: string; pictogram: string; label: string; class?: string; variant?: string }) {
  return (
    <A href={props.href} class={`picto-button ${props.variant ?? 'secondary'} normal ${props.class ?? ''}`} aria-label={props.label}>
      <Pictogram id={props.pictogram} class="picto-button-icon" />
      <span class="label">
        <BilingualLabel text={props.label} />
      </span>
    </A>
  );
}

/** An object URL for a stored blob (photo, custom pictogram), revoked when no longer shown. */
export function useBlobUrl(hash: () => string | null | undefined) {
  const { repos } = useApp();
  const record = createLive(hash, (h) => repos.blobs.get(h), undefined);
  const [url, setUrl] = createSignal<string | undefined>();
  createEffect(() => {
    const rec = record();
    // made on another tablet: ask sync to fetch it; the live query shows it when it lands
    if (!rec && record.ready() && hash()) wantBlob(hash()!);
    if (!rec) return setUrl(undefined);
    const u = URL.createObjectURL(rec.data);
    setUrl(u);
    onCleanup(() => URL.revokeObjectURL(u));
  });
  return url;
}

/** A person's face: their photo if they have one, else their avatar pictogram. */
export function FaceImage(props: { person: Pick<Person, 'avatar'> | undefined; class?: string }) {
  const photoHash = () => (props.person?.avatar.kind === 'photo' ? props.person.avatar.ref : null);
  const url = useBlobUrl(photoHash);
  // Marks the face for speak-on-tap (the person's name in their language); no box of its own.
  const personId = () => (props.person as Partial<Person> | undefined)?.id;
  return (
    <span class="face-frame" data-speak-person={personId()} style={{ display: 'contents' }}>
      <Show when={url()} fallback={<Pictogram id={props.person?.avatar.kind === 'pictogram' ? props.person.avatar.ref : 'person'} class={`face ${props.class ?? ''}`} />}>
        <img src={url()} alt="" aria-hidden="true" class={`face photo ${props.class ?? ''}`} draggable={false} />
      </Show>
    </span>
  );
}

/** The frame of every section screen: a big way home, the title with its pictogram, content. */
export function Screen(props: ParentProps<{ title: string; pictogram: string; actions?: JSX.Element; class?: string }>) {
  const { t } = useI18n();
  return (
    <main class={`screen ${props.class ?? ''}`} aria-labelledby="screen-title">
      <header class="screen-header">
        <PictoLink href="/" pictogram="home" label={t('app.home')} class="home-link" />
        <h1 id="screen-title" class="screen-title">
          <Pictogram id={props.pictogram} class="title-icon" />
          <span>
            <BilingualLabel text={props.title} />
          </span>
        </h1>
        <div class="screen-actions">
          {props.actions}
          <SpeakButton />
        </div>
      </header>
      <div class="screen-body">{props.children}</div>
    </main>
  );
}

/**
 * The notice band: every notice showing (the undo stack, then the answer to the last tap), in a
 * band the app layout reserves at the bottom (core/notices.css), so a notice never covers a
 * control; open dialogs cover the band; it is never printed.
 */
export function NoticeHost() {
  const app = useApp();
  return (
    <div class="notice-host" aria-live="polite" data-count={app.notices().length}>
      {/* newest first: the start of the band shows the answer to the last tap; low-priority ones (the speech notice) last */}
      <For each={[...app.notices()].sort((a, b) => Number(!!a.queued) - Number(!!b.queued) || b.id - a.id)}>{(n) => <NoticeItem notice={n} />}</For>
    </div>
  );
}

function NoticeItem(props: { notice: Notice }) {
  const app = useApp();
  const { t } = useI18n();
  const [busy, setBusy] = createSignal(false);
  const n = () => props.notice;
  const person = () => (n().personId ? app.lookups.person(n().personId!) : undefined);
  const act = async (what: () => Promise<unknown> | unknown, after?: () => void) => {
    if (busy()) return;
    setBusy(true);
    try {
      await what();
      app.closeNotice(n().id);
      after?.();
    } catch (err) {
      app.reportError(err);
    } finally {
      setBusy(false);
    }
  };
  const doUndo = () => act(n().undo!, () => app.notify({ kind: 'info', pictogram: 'undo', message: 'app.undone' }));
  return (
    <div
      class={`notice ${n().kind} ${n().class ?? ''}`}
      classList={{ 'with-action': !!(n().undo || n().action) }}
      role={n().kind === 'error' ? 'alert' : 'status'}
      data-notice-id={n().id}
      style={{ '--notice-duration': `${n().duration}ms` }}
    >
      <Show when={person()} fallback={<Pictogram id={n().pictogram} class="notice-icon" />}>
        <span class="notice-face">
          <FaceImage person={person()} class="notice-icon" />
          <Pictogram id={n().pictogram} class="notice-badge" />
        </span>
      </Show>
      <p class="notice-text">{t(n().message, n().params)}</p>
      <div class="notice-actions">
        <Show when={n().undo}>
          <PictoButton pictogram="undo" label={t('app.undo')} variant="primary" onClick={() => void doUndo()} disabled={busy()} />
        </Show>
        <Show when={n().action}>
          {(a) => <PictoButton pictogram={a().pictogram} label={t(a().label)} variant="primary" onClick={() => void act(a().run)} disabled={busy()} />}
        </Show>
        <PictoButton pictogram="close" label={t('app.close')} variant="ghost" class="notice-close" onClick={() => app.closeNotice(n().id)} />
      </div>
      <div class="notice-timer" aria-hidden="true" />
    </div>
  );
}

/** A modal dialog on top of the screen; closes on Escape or the close button. */
/** `speakOff`: nothing in the dialog is spoken on tap (PIN entry). */
export function Dialog(props: ParentProps<{ title: string; pictogram: string; onClose: () => void; class?: string; speakOff?: boolean }>) {
  const { t } = useI18n();
  let ref: HTMLDivElement | undefined;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') props.onClose();
  };
  createEffect(() => {
    document.addEventListener('keydown', onKey);
    ref?.querySelector<HTMLElement>('button, input, select, textarea')?.focus();
    onCleanup(() => document.removeEventListener('keydown', onKey));
  });
  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div ref={ref} class={`dialog ${props.class ?? ''}`} role="dialog" aria-modal="true" aria-labelledby="dialog-title" data-speak-off={props.speakOff ? '' : undefined}>
        <header class="dialog-header">
          <h2 id="dialog-title">
            <Pictogram id={props.pictogram} class="title-icon" />
            <span>{props.title}</span>
          </h2>
          <PictoButton pictogram="close" label={t('app.close')} variant="ghost" onClick={() => props.onClose()} />
        </header>
        <div class="dialog-body">{props.children}</div>
      </div>
    </div>
  );
}
