/**
 * The one form element and the one form action (validate, write, confirm)
 * that every supervisor form and the setup wizard use. Kept apart from
 * admin.tsx so the setup wizard does not load the pictogram picker.
 */
import { createSignal, type Accessor, type ParentProps } from 'solid-js';
import { useApp } from './context';
import type { NewNotice } from './notices';

/**
 * The form of every supervisor screen and of the setup wizard: the browser's
 * own validation bubbles are off (they are text-only and in the browser's
 * language); our messages, pictogram + words, show under the fields instead.
 */
export function AdminForm(props: ParentProps<{ onSubmit: () => unknown; class?: string }>) {
  return (
    <form
      class={props.class ?? 'supervisor-form'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

export interface FormAction {
  /** true once a save was tried: field errors show from then on */
  tried: Accessor<boolean>;
  setTried: (tried: boolean) => void;
  /** true while the write runs (a second tap does nothing) */
  busy: Accessor<boolean>;
  /** Validates, writes, confirms; resolves true when saved. */
  submit: () => Promise<boolean>;
}

/**
 * The one save path of a form: nothing is written while a field is wrong
 * (the errors show instead), a failing write becomes an error notice and
 * keeps everything typed, and a saved form confirms with a notice.
 */
export function createFormAction(opts: {
  valid: () => boolean;
  /** the write; a falsy result (a failure already reported) stops */
  write: () => Promise<unknown>;
  /** the confirmation; "Saved" unless given */
  notice?: () => NewNotice;
  /** after the confirmation: close the dialog, clear the form */
  done?: () => void;
}): FormAction {
  const app = useApp();
  const [tried, setTried] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const submit = async () => {
    setTried(true);
    if (!opts.valid() || busy()) return false;
    setBusy(true);
    const saved = await app.run(opts.write).finally(() => setBusy(false));
    if (!saved) return false;
    app.notify(opts.notice?.() ?? { kind: 'success', pictogram: 'check', message: 'app.saved' });
    opts.done?.();
    return true;
  };
  return { tried, setTried, busy, submit };
}
