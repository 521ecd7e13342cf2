/**
 * Per-workplace turn-taking before a pooled database connection is taken.
 *
 * Writes to one workplace serialise on its counter row lock anyway; letting
 * twelve pushes of one workplace each hold a pooled connection while they
 * wait for that lock once starved every other workplace of connections
 * (their pulls, pushes and even /api/health took seconds). Here each
 * workplace gets one slot per replica; later callers wait in memory, holding
 * no connection, and give up with a retryable 503 when the queue is long or
 * the wait too long. Different workplaces never wait for each other here.
 */
import { PUSH_QUEUE_MAX, PUSH_QUEUE_WAIT_MS } from './limits';
import { busy } from './errors';

interface Waiter {
  start: () => void;
  timer: ReturnType<typeof setTimeout>;
}

export class WorkplaceQueue {
  private readonly lanes = new Map<string, { running: boolean; waiting: Waiter[] }>();

  constructor(
    private readonly maxWaiting = PUSH_QUEUE_MAX,
    private readonly maxWaitMs = PUSH_QUEUE_WAIT_MS,
  ) {}

  /** Runs fn when it is this workplace's turn; throws a 503 (Retry-After) when it would wait too long. */
  async run<T>(workplaceId: string, fn: () => Promise<T>): Promise<T> {
    let lane = this.lanes.get(workplaceId);
    if (!lane) this.lanes.set(workplaceId, (lane = { running: false, waiting: [] }));
    if (lane.running) {
      if (lane.waiting.length >= this.maxWaiting) throw busy();
      const l = lane;
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          start: () => {
            clearTimeout(waiter.timer);
            resolve();
          },
          timer: setTimeout(() => {
            l.waiting.splice(l.waiting.indexOf(waiter), 1);
            reject(busy());
          }, this.maxWaitMs),
        };
        l.waiting.push(waiter);
      });
    }
    lane.running = true;
    try {
      return await fn();
    } finally {
      const next = lane.waiting.shift();
      if (next) next.start();
      else {
        lane.running = false;
        this.lanes.delete(workplaceId);
      }
    }
  }

  /** Callers waiting or running for a workplace (for tests and metrics). */
  depth(workplaceId: string): number {
    const lane = this.lanes.get(workplaceId);
    return lane ? lane.waiting.length + (lane.running ? 1 : 0) : 0;
  }
}
