/**
 * The demo's past days, written once its board is on screen (demo.ts writes today's board first): they would
 * compete with the board's first render and make it re-render while it appears. So the writing waits for the
 * live board to have its data (core/snapshot.ts whenBoardLive; at most BOARD_WAIT_MS) and then for the page to
 * idle; "the demo is ready" (and its sound) then. Meanwhile the page says so (`data-demo-seeding` on <html>).
 * Light on purpose: the app shell renders it after a demo started on the light welcome (shell/start.tsx).
 */
import { onMount } from 'solid-js';
import { useApp } from '../core/context';
import { whenBoardLive } from '../core/snapshot';
import { clearDemoPending } from './demoPending';
import type { StartedDemo } from './demo';

/** The longest the history waits for the board to report its data (another screen, a slow start). */
const BOARD_WAIT_MS = 3000;

type App = Pick<ReturnType<typeof useApp>, 'run' | 'notify'>;

/** Writes the history of a started demo once the board is on screen and the page idles; then says the demo is ready. */
export async function finishDemo(app: App, demo: Pick<StartedDemo, 'writeHistory'>): Promise<void> {
  const root = document.documentElement;
  root.dataset.demoSeeding = '';
  await whenBoardLive(BOARD_WAIT_MS);
  await new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 3000 }) : setTimeout(resolve, 200)));
  const written = await app.run(() => demo.writeHistory());
  if (written) clearDemoPending();
  delete root.dataset.demoSeeding;
  if (written) app.notify({ kind: 'success', pictogram: 'info', message: 'setup.demoStarted' });
}

/** Rendered inside the app's providers by the shell when a demo was started before the app rendered. */
export function DemoHistory(props: { demo: Pick<StartedDemo, 'writeHistory'> }) {
  const app = useApp();
  onMount(() => void finishDemo(app, props.demo));
  return null;
}
