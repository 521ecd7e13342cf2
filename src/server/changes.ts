/**
 * The change feed behind the SSE endpoint.
 *
 * A push commits and, in the same transaction, NOTIFYs `tavla_changes` with
 * `{workplaceId, cursor}`. Every server replica LISTENs once on that channel
 * and hands each notice to the SSE streams of that workplace it holds; so
 * with several replicas over one PostgreSQL, a push on one reaches tablets
 * connected to another. Nothing is queued here: a notice nobody hears is
 * gone, which is why clients pull on every (re)connect. When the database
 * connection behind LISTEN was lost and came back, every stream gets a poke
 * with its workplace's current cursor, since notices may have been missed.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from './db/db';

export const CHANGES_CHANNEL = 'tavla_changes';

export interface ChangeNotice {
  workplaceId: string;
  cursor: number;
}

type Subscriber = (cursor: number) => void;

export async function currentCursor(db: Pick<Db, 'query'>, workplaceId: string): Promise<number> {
  const { rows } = await db.query<{ seq: number }>('select seq from workplace_counters where workplace_id = $1', [workplaceId]);
  return rows[0]?.seq ?? 0;
}

export class ChangeFeed {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(CHANGES_CHANNEL, (payload) => {
      if (payload === null) void this.resyncAll();
      else this.onNotice(payload);
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = undefined;
    this.subscribers.clear();
  }

  subscribe(workplaceId: string, cb: Subscriber): () => void {
    let set = this.subscribers.get(workplaceId);
    if (!set) this.subscribers.set(workplaceId, (set = new Set()));
    set.add(cb);
    return () => {
      set.delete(cb);
      if (set.size === 0) this.subscribers.delete(workplaceId);
    };
  }

  get streamCount(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  private emit(workplaceId: string, cursor: number) {
    for (const cb of this.subscribers.get(workplaceId) ?? []) cb(cursor);
  }

  private onNotice(payload: string) {
    try {
      const notice = JSON.parse(payload) as ChangeNotice;
      if (typeof notice.workplaceId === 'string' && Number.isSafeInteger(notice.cursor)) this.emit(notice.workplaceId, notice.cursor);
    } catch {
      this.log.warn({ payload }, 'ignoring a malformed change notice');
    }
  }

  private async resyncAll() {
    this.log.info('change listener reconnected; poking every stream');
    for (const workplaceId of [...this.subscribers.keys()]) {
      try {
        this.emit(workplaceId, await currentCursor(this.db, workplaceId));
      } catch (err) {
        this.log.warn({ err }, 'could not read a cursor after reconnecting');
      }
    }
  }
}
