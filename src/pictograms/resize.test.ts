import { describe, expect, it } from 'vitest';
import { ImageDecodeError, ImageTooLargeError, MAX_INPUT_BYTES, fitWithin, resizeImage } from './resize';

describe('resizeImage', () => {
  it('refuses inputs over 20 MB before decoding', async () => {
    const big = { size: MAX_INPUT_BYTES + 1, type: 'image/jpeg' } as Blob;
    const err = await resizeImage(big).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageTooLargeError);
    expect((err as Error).name).toBe('ImageTooLargeError');
  });

  it('rejects things that are not images', async () => {
    await expect(resizeImage(new Blob(['hello'], { type: 'text/plain' }))).rejects.toBeInstanceOf(ImageDecodeError);
    await expect(resizeImage(new Blob([], { type: 'image/png' }))).rejects.toBeInstanceOf(ImageDecodeError);
    const err = await resizeImage(new Blob(['not really a png'], { type: 'image/png' })).catch((e: unknown) => e);
    expect((err as Error).name).toBe('ImageDecodeError');
  });

  it('scales the longest side down to the limit and never up', () => {
    expect(fitWithin(4000, 3000, 512)).toEqual({ width: 512, height: 384 });
    expect(fitWithin(1000, 3000, 512)).toEqual({ width: 171, height: 512 });
    expect(fitWithin(300, 200, 512)).toEqual({ width: 300, height: 200 });
  });
});

describe('looksLikeImage', () => {
  it('recognises common photo formats by their first bytes', async () => {
    const { looksLikeImage } = await import('./resize');
    const bytes = (...xs: (number | string)[]) =>
      new Uint8Array(xs.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));
    expect(looksLikeImage(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe(true);
    expect(looksLikeImage(bytes(0x89, 'PNG', 0x0d, 0x0a))).toBe(true);
    expect(looksLikeImage(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))).toBe(true);
    expect(looksLikeImage(bytes(0, 0, 0, 0x18, 'ftypheic'))).toBe(true);
    expect(looksLikeImage(bytes('<svg xmlns='))).toBe(false);
    expect(looksLikeImage(bytes('hello'))).toBe(false);
  });
});
