import 'fake-indexeddb/auto';
import { configure } from '@solidjs/testing-library';

// jsdom's Blob predates Blob#arrayBuffer; browsers (and the app) rely on it.
if (typeof Blob !== 'undefined' && typeof Blob.prototype.arrayBuffer !== 'function') {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

// jsdom has no canvas; axe-core probes it for icon ligatures and logs noise.
if (typeof HTMLCanvasElement !== 'undefined') {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
}

// Component tests render the whole app with lazy routes; on a loaded 2-core
// CI machine the first transform of a route can take well over a second.
configure({ asyncUtilTimeout: 5000 });
