// Stand-in for `virtual:pwa-register/solid`, which only exists inside a Vite
// build with vite-plugin-pwa. Tests get a service worker that never updates.
import { createSignal } from 'solid-js';

export function useRegisterSW() {
  return {
    needRefresh: createSignal(false),
    offlineReady: createSignal(false),
    updateServiceWorker: async (_reload?: boolean) => undefined,
  };
}
