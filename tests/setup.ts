import 'fake-indexeddb/auto';
import { vi } from 'vitest';

// The service worker registration module only exists in a Vite build with the PWA plugin.
vi.mock('virtual:pwa-register/solid', async () => {
  const { createSignal } = await import('solid-js');
  return {
    useRegisterSW: () => ({
      needRefresh: createSignal(false),
      offlineReady: createSignal(false),
      updateServiceWorker: async () => undefined,
    }),
  };
});
