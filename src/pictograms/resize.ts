/**
 * Custom photo pictograms and avatars: shrink a camera photo to a small WebP
 * (JPEG where the browser cannot encode WebP) before it is stored and synced,
 * and hash it for content addressing.
 *
 * Errors are typed so the UI can show a clear message; callers may also match
 * on `err.name` ('ImageTooLargeError' / 'ImageDecodeError').
 */

/** Inputs larger than this are refused before decoding (a phone photo is 2–8 MB). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_EDGE = 512;
export const ENCODE_QUALITY = 0.85;

export class ImageTooLargeError extends Error {
  constructor(readonly size: number, readonly limit: number = MAX_INPUT_BYTES) {
    super(`Image is ${size} bytes; the limit is ${limit} bytes`);
    this.name = 'ImageTooLargeError';
  }
}

export class ImageDecodeError extends Error {
  constructor(message = 'The file is not an image or could not be read', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImageDecodeError';
  }
}

export class ImageEncodeError extends Error {
  constructor(message = 'The image could not be encoded', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImageEncodeError';
  }
}

/** Target size so the longest side is at most `max` (never upscaled). */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max || longest === 0) return { width, height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

interface Decoded {
  source: CanvasImageSource;
  width: number;
  height: number;
  close(): void;
}

/** Give up on a decode that never settles (a broken file can leave <img> hanging). */
export const DECODE_TIMEOUT_MS = 20_000;

/**
 * True when the first bytes look like an image format a browser may decode
 * (JPEG, PNG, GIF, WebP, BMP, TIFF, HEIC/HEIF/AVIF). Catches renamed or
 * corrupt files quickly and reliably, before any decoder is involved.
 * SVG is deliberately refused: a photo pictogram is a photo.
 */
export function looksLikeImage(head: Uint8Array): boolean {
  const b = (i: number) => head[i] ?? -1;
  const ascii = (from: number, s: string) => [...s].every((ch, i) => b(from + i) === ch.charCodeAt(0));
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return true; // JPEG
  if (b(0) === 0x89 && ascii(1, 'PNG')) return true;
  if (ascii(0, 'GIF8')) return true;
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return true;
  if (ascii(0, 'BM')) return true;
  if ((ascii(0, 'II') && b(2) === 42 && b(3) === 0) || (ascii(0, 'MM') && b(2) === 0 && b(3) === 42)) return true; // TIFF
  if (ascii(4, 'ftyp')) return true; // ISO-BMFF: HEIC, HEIF, AVIF
  return false;
}

async function readHead(file: Blob, n: number): Promise<Uint8Array> {
  return new Uint8Array(await blobBytes(file.slice(0, n)));
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ImageDecodeError('Decoding the image took too long')), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

async function decode(file: Blob): Promise<Decoded> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bmp = await createImageBitmap(file);
      return { source: bmp, width: bmp.width, height: bmp.height, close: () => bmp.close() };
    } catch {
      // fall through: some browsers cannot decode every format via createImageBitmap (e.g. HEIC on Safari < 17)
    }
  }
  if (typeof Image === 'undefined' || typeof URL?.createObjectURL !== 'function') {
    throw new ImageDecodeError();
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new ImageDecodeError());
      img.src = url;
    });
    if (!img.naturalWidth || !img.naturalHeight) throw new ImageDecodeError();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => URL.revokeObjectURL(url) };
  } catch (err) {
    URL.revokeObjectURL(url);
    throw err instanceof ImageDecodeError ? err : new ImageDecodeError(undefined, { cause: err });
  }
}

async function encode(d: Decoded, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (ctx) {
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(d.source, 0, 0, width, height);
      const webp = await canvas.convertToBlob({ type: 'image/webp', quality: ENCODE_QUALITY });
      if (webp.type === 'image/webp') return webp;
      return canvas.convertToBlob({ type: 'image/jpeg', quality: ENCODE_QUALITY });
    }
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ImageEncodeError('No 2D canvas available');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(d.source, 0, 0, width, height);
  const toBlob = (type: string) =>
    new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, ENCODE_QUALITY));
  const webp = await toBlob('image/webp');
  // browsers that cannot encode WebP silently return PNG
  if (webp && webp.type === 'image/webp') return webp;
  const jpeg = await toBlob('image/jpeg');
  if (!jpeg) throw new ImageEncodeError();
  return jpeg;
}

/**
 * Decode `file`, scale it so the longest side is ≤ `max` px, and re-encode it as
 * WebP (JPEG fallback) at quality 0.85. Rejects with `ImageTooLargeError` for
 * inputs over 20 MB and `ImageDecodeError` for anything that is not a readable image.
 */
export async function resizeImage(file: Blob, max: number = DEFAULT_MAX_EDGE): Promise<Blob> {
  if (file.size > MAX_INPUT_BYTES) throw new ImageTooLargeError(file.size);
  if (file.size === 0) throw new ImageDecodeError('The file is empty');
  if (file.type && !file.type.startsWith('image/')) throw new ImageDecodeError(`Not an image: ${file.type}`);
  if (!looksLikeImage(await readHead(file, 16))) throw new ImageDecodeError();
  const decoded = await withTimeout(decode(file), DECODE_TIMEOUT_MS);
  try {
    if (!decoded.width || !decoded.height) throw new ImageDecodeError();
    const { width, height } = fitWithin(decoded.width, decoded.height, max);
    return await encode(decoded, width, height);
  } finally {
    decoded.close();
  }
}

async function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  // jsdom's Blob has no arrayBuffer(); FileReader works everywhere a DOM exists
  if (typeof FileReader === 'function') {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error ?? new ImageDecodeError('The file could not be read'));
      reader.readAsArrayBuffer(blob);
    });
  }
  return new Response(blob).arrayBuffer();
}
