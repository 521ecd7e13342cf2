import { describe, expect, it, vi } from 'vitest';
import { onBlobWanted, wantBlob } from './wantedBlobs';

describe('wanted blobs', () => {
  it('hands a wanted SHA-256 to the listeners and ignores anything else', () => {
    const heard = vi.fn();
    const off = onBlobWanted(heard);
    wantBlob('a'.repeat(64));
    wantBlob('not-a-hash');
    wantBlob('A'.repeat(64));
    expect(heard.mock.calls).toEqual([['a'.repeat(64)]]);
    off();
    wantBlob('b'.repeat(64));
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
