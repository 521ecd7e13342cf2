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
 *
 * The feed also keeps the latest cursor it knows of for each workplace
 * (`KnownCursors`), so a pull whose cursor is already current can be answered
 * without the database: see `KnownCursors` for why that never hides a row
 * for longer than it takes the device's SSE poke to arrive.
 *
 * On the same LISTEN connection it hears `tavla_auth`, the revocation
 * notices that keep the verified-token cache (`TokenCache`, auth.ts) honest.
 */
import type { FastifyBaseLogger } from 'fastify';
import { AUTH_CHANNEL, TokenCache } from './auth';
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

interface Known {
  cursor: number;
  epoch: string;
  /** when this pair was last confirmed (a notice, a push, a pull that read the counter) */
  at: number;
}

/**
 * How long an entry is trusted after it was last confirmed. Insurance against
 * what no notice reports: a LISTEN connection that died silently (a half-open
 * TCP connection looks up until something is written to it) or a database
 * restored under a running server. Either can then hide rows for at most this
 * long; an idle workplace costs one database pull per device per this long.
 */
export const KNOWN_CURSOR_MAX_AGE_MS = 30_000;

/**
 * The pull fast path's memory: workplaceId → the latest (cursor, epoch) this
 * process knows of, fed by its own pushes (after commit), by every
 * `tavla_changes` notice (every replica's pushes) and by pulls that read the
 * counter from the database. A pull presenting exactly that pair is answered
 * "nothing new" from here (routes/sync/index.ts).
 *
 * Why that is safe:
 * - Entries only move forward (a larger cursor wins): within one database
 *   history sequence numbers only grow, and notices arrive in commit order,
 *   so an older reading (a slow pull) never overwrites a newer one.
 * - NOTIFY lags the commit. Between a push committing on another replica and
 *   its notice arriving here, the entry says N while the database holds N+1,
 *   and a pull at N is told "nothing new". That is acceptable only because
 *   the same notice, when it arrives, first moves the entry to N+1 and then
 *   pokes that workplace's SSE streams (ChangeFeed.onNotice, in that order):
 *   every connected device pulls again and this time goes to the database.
 *   The same lag existed before for a pull that simply ran a moment earlier.
 * - Entries are trusted only while every notice is being heard: the feed has
 *   LISTENed and the database says the LISTEN connection is up
 *   (`Db.listening`). When it is lost nothing is answered from memory; when
 *   it comes back every entry is dropped (notices sent meanwhile are gone),
 *   so pulls go to the database until entries are refreshed.
 * - A reading taken by a pull that began before such a drop is discarded
 *   (`generation`), so a pre-outage counter cannot come back afterwards.
 * - The epoch must match too. A restore hands numbers out again under new
 *   epochs; a pull with another epoch (or none) always goes to the database,
 *   which answers `reset`. A restore itself means a new database or a server
 *   restart (docs/it-guide.md), both of which empty this map: a restart
 *   starts empty, and a switched or restarted PostgreSQL drops the LISTEN
 *   connection.
 * - An entry not confirmed for KNOWN_CURSOR_MAX_AGE_MS is not trusted either.
 * Only cursor > 0 is remembered (0 is a workplace's empty start, which the
 * database answers cheaply).
 */
export class KnownCursors {
  private readonly map = new Map<string, Known>();
  private gen = 0;

  constructor(
    private readonly trusted: () => boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** Taken before reading the counter from the database; pass it to `noteRead`. */
  get generation(): number {
    return this.gen;
  }

  /** True when (cursor, epoch) is known to be the workplace's latest: nothing newer to pull. */
  isCurrent(workplaceId: string, cursor: number, epoch: string | undefined): boolean {
    if (epoch === undefined || cursor <= 0 || !this.trusted()) return false;
    const k = this.map.get(workplaceId);
    return k !== undefined && k.cursor === cursor && k.epoch === epoch && this.now() - k.at <= KNOWN_CURSOR_MAX_AGE_MS;
  }

  /** A push's new counter (this process's, after commit, or any replica's via NOTIFY). */
  note(workplaceId: string, cursor: number, epoch: string): void {
    if (!Number.isSafeInteger(cursor) || cursor <= 0 || epoch === '') {
      this.map.delete(workplaceId); // a change we cannot place: ask the database next time
      return;
    }
    const k = this.map.get(workplaceId);
    if (k === undefined || cursor > k.cursor || (cursor === k.cursor && epoch === k.epoch)) this.map.set(workplaceId, { cursor, epoch, at: this.now() });
    // the same number under another epoch cannot happen within one history: trust neither
    else if (cursor === k.cursor && epoch !== k.epoch) this.map.delete(workplaceId);
  }

  /** A counter a pull read from the database, ignored when the map was dropped since `generation`. */
  noteRead(workplaceId: string, cursor: number, epoch: string, generation: number): void {
    if (generation === this.gen && this.trusted()) this.note(workplaceId, cursor, epoch);
  }

  /** Forget everything (the LISTEN connection came back: notices may have been missed). */
  clear(): void {
    this.gen++;
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}

export class ChangeFeed {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private unlisten: (() => Promise<void>) | undefined;
  private unlistenAuth: (() => Promise<void>) | undefined;
  /** the pull fast path's latest-known cursors (trusted only while this feed hears every notice) */
  readonly cursors: KnownCursors;
  /** verified tokens (trusted only while this feed hears every revocation notice) */
  readonly tokens: TokenCache;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    now: () => number = Date.now,
  ) {
    this.cursors = new KnownCursors(() => this.unlisten !== undefined && this.db.listening(), now);
    this.tokens = new TokenCache(() => this.unlistenAuth !== undefined && this.db.listening(), now);
  }

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(CHANGES_CHANNEL, (payload) => {
      if (payload === null) {
        // before anything else: pulls must not be answered from pre-outage entries
        this.cursors.clear();
        void this.resyncAll();
      } else this.onNotice(payload);
    });
    this.unlistenAuth = await this.db.listen(AUTH_CHANNEL, (payload) => {
      const notice = payload === null ? undefined : TokenCache.parse(payload);
      if (notice) this.tokens.forget(notice);
      else {
        // the listener is back (revocations meanwhile are unheard) or a notice we cannot read
        if (payload !== null) this.log.warn('ignoring a malformed revocation notice; forgetting every cached token');
        this.tokens.clear();
      }
    });
  }

  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    const unlistenAuth = this.unlistenAuth;
    this.unlisten = undefined;
    this.unlistenAuth = undefined;
    this.cursors.clear();
    this.tokens.clear();
    await unlisten?.();
    await unlistenAuth?.();
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
        // the entry first, then the pokes: a poked device's next pull must not be answered from the old entry
        this.cursors.note(notice.workplaceId, notice.cursor, typeof notice.epoch === 'string' ? notice.epoch : '');
        this.emit(notice.workplaceId, notice.cursor, typeof notice.epoch === 'string' ? notice.epoch : '');
      }
    } catch {
      this.log.warn({ payload }, 'ignoring a malformed change notice');
      this.cursors.clear(); // some workplace changed and we cannot tell which
    }
  }

  private async resyncAll() {
    this.log.info('change listener reconnected; poking every stream');
    const generation = this.cursors.generation;
    for (const workplaceId of [...this.subscribers.keys()]) {
      try {
        const c = await currentCursor(this.db, workplaceId);
        this.cursors.noteRead(workplaceId, c.cursor, c.epoch, generation);
        this.emit(workplaceId, c.cursor, c.epoch);
      } catch (err) {
        this.log.warn({ err }, 'could not read a cursor after reconnecting');
      }
    }
  }
}
