import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClockDriftError, formatHlc, initialClock, MAX_DRIFT_MS, parseHlc, recv, send } from './hlc';

describe('hybrid logical clock', () => {
  it('stamps increase for local events even when the wall clock goes backwards', () => {
    let c = initialClock('aaaaaaaaaaaaaaaa');
    c = send(c, 1000);
    const a = formatHlc(c);
    c = send(c, 500);
    const b = formatHlc(c);
    expect(b > a).toBe(true);
    expect(parseHlc(b)).toEqual({ millis: 1000, counter: 1, node: 'aaaaaaaaaaaaaaaa' });
  });

  it('moves ahead of a received remote stamp', () => {
    const local = send(initialClock('aaaa'), 1000);
    const remote = formatHlc({ millis: 2000, counter: 7, node: 'bbbb' });
    const after = recv(local, remote, 1500);
    expect(formatHlc(after) > remote).toBe(true);
  });

  it('refuses a remote stamp too far in the future', () => {
    const local = send(initialClock('aaaa'), 1000);
    const remote = formatHlc({ millis: 1000 + MAX_DRIFT_MS + 1, counter: 0, node: 'bbbb' });
    expect(() => recv(local, remote, 1000)).toThrow(ClockDriftError);
  });

  it('string order equals (millis, counter, node) order', () => {
    const arb = fc.record({
      millis: fc.integer({ min: 0, max: 4_000_000_000_000 }),
      counter: fc.integer({ min: 0, max: 0xffff }),
      node: fc.stringMatching(/^[0-9a-f]{16}$/),
    });
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const byTuple =
          a.millis !== b.millis ? a.millis - b.millis : a.counter !== b.counter ? a.counter - b.counter : a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
        const byString = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(Math.sign(byTuple)).toBe(byString);
      }),
    );
  });

  it('is monotonic over any mix of sends and receives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }))),
        (events) => {
          let c = initialClock('aaaa');
          let last = formatHlc(c);
          for (const [isSend, now, remoteMs] of events) {
            c = isSend ? send(c, now) : recv(c, formatHlc({ millis: Math.min(remoteMs, now + MAX_DRIFT_MS), counter: 0, node: 'bbbb' }), now);
            const s = formatHlc(c);
            expect(s > last).toBe(true);
            last = s;
          }
        },
      ),
    );
  });
});
