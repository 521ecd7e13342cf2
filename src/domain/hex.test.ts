import { describe, expect, it } from 'vitest';
import { toHex } from './hex';

describe('toHex', () => {
  it('writes two lower-case digits per byte, leading zeros kept', () => {
    expect(toHex(new Uint8Array([0, 1, 15, 16, 171, 255]))).toBe('00010f10abff');
    expect(toHex(new Uint8Array([]))).toBe('');
  });
});
