import { describe, expect, it } from 'vitest';
import { confirmationTones } from './sound';

describe('confirmation sounds', () => {
  it('rises for success, falls for an error', () => {
    const up = confirmationTones('success');
    const down = confirmationTones('error');
    expect(up.at(-1)!.freq).toBeGreaterThan(up[0]!.freq);
    expect(down.at(-1)!.freq).toBeLessThan(down[0]!.freq);
    expect(confirmationTones('info')).toHaveLength(1);
  });
});
