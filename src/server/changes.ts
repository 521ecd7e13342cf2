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
  epoch: string;
}

type Subscriber = (cursor: number, epoch: string) => void;

/** The workplace's counter and its epoch (see routes/sync/records.ts). */
export async function currentCursor(db: Pick<Db, 'query'>, workplaceId: string): Promise<{ cursor: number; epoch: string }> {
  const { rows } = await db.query<{ seq: number; epoch: string | null }>(
    `select c.seq, (select e.epoch from seq_epochs e where e.workplace_id = c.workplace_id and e.last_seq >= c.seq order by e.last_seq limit 1) as epoch
       from workplace_counters c where c.workplace_id = $1`,
    [workplaceId],
  );
  const seq = rows[0]?.seq ?? 0;
  return { cursor: seq, epoch: seq === 0 ? '' : (rows[0]?.epoch ?? '') };
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

  private emit(workplaceId: string, cursor: number, epoch: string) {
    for (const cb of this.subscribers.get(workplaceId) ?? []) cb(cursor, epoch);
  }

  private onNotice(payload: string) {
    try {
      const notice = JSON.parse(payload) as ChangeNotice;
      if (typeof notice.workplaceId === 'string' && Number.isSafeInteger(notice.cursor)) {
        this.emit(notice.workplaceId, notice.cursor, typeof notice.epoch === 'string' ? notice.epoch : '');
      }
    } catch {
      this.log.warn({ payload }, 'ignoring a malformed change notice');
    }
  }

  private async resyncAll() {
    this.log.info('change listener reconnected; poking every stream');
    for (const workplaceId of [...this.subscribers.keys()]) {
      try {
        const c = await currentCursor(this.db, workplaceId);
        this.emit(workplaceId, c.cursor, c.epoch);
      } catch (err) {
        this.log.warn({ err }, 'could not read a cursor after reconnecting');
      }
    }
  }
}
