/**
 * The backup file: one workplace's data as a ZIP archive.
 *
 * Why ZIP (through fflate) rather than one JSON file with base64 blobs:
 * photos and voice clips are most of the bytes and are already compressed;
 * base64 would make them a third bigger and force the whole backup through
 * one giant string, twice (encode and parse). A ZIP stores them as they are
 * (level 0), deflates only the JSON, can be opened with any computer's file
 * manager to look inside, and a truncated download fails loudly (the central
 * directory is at the end). fflate is small (a few KB of this lazily loaded
 * chunk), dependency-free and maintained; it writes the file. Reading takes
 * the entries straight from the ZIP's directory (`readZip`) and inflates the
 * JSON with the browser's DecompressionStream (fflate only where a browser
 * has none).
 *
 * Layout (format version 1):
 *
 *   tavla-backup.json   the manifest: format, version, when, which workplace,
 *                       and for every other entry its path, size and SHA-256
 *   data.json           { tables: { <synced table>: [row, …] } }, rows exactly as stored
 *   blobs/<sha256>      one file per photo, custom pictogram or voice clip
 *
 * Reading validates everything before anything is written: the manifest's
 * format and version (a newer version is refused, never half-understood),
 * the checksum of data.json and of every blob (a blob's name is its SHA-256),
 * the shape of every row, that every row belongs to the one workplace of the
 * file, and that every photo a row refers to is in the file (or was declared
 * missing at export: not downloaded to the exporting tablet). Any failure is a
 * BackupError with a message key the UI shows; nothing is stored.
 */
import { BLOB_HASH } from '../sync/shared/blobRefs';
import { sha256HexOfBytes } from '../data/hash';
import { inflateSync, strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import type { SnapshotBlob, WorkplaceSnapshot } from '../data/repos/backup';
import { referencedBlobs } from '../data/repos/backup';
import type { SyncedRow, SyncedTable } from '../domain/types';
import { ATTENDANCE_STATUSES, DEVIATION_CATEGORIES, SYNCED_TABLES } from '../domain/types';
import { isValidIsoDate } from '../domain/dates';
import { DomainError } from '../domain/errors';
import { isHlc, MAX_DRIFT_MS, parseHlc } from '../sync/shared/hlc';

export const BACKUP_FORMAT = 'tavla-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_PATH = 'tavla-backup.json';
export const DATA_PATH = 'data.json';

export type BackupProblem = 'notBackup' | 'damaged' | 'newerVersion' | 'clock';

/** A file that cannot be imported; `key` is the message the UI shows. */
export class BackupError extends DomainError {
  readonly key: string;
  constructor(
    readonly problem: BackupProblem,
    detail: string,
  ) {
    super(`Backup rejected (${problem}): ${detail}`);
    this.name = 'BackupError';
    this.key = `backup.error.${problem}`;
  }
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  workplace: { id: string; name: string };
  data: { path: string; size: number; sha256: string };
  /** row counts per table, for people to read */
  counts: Partial<Record<SyncedTable, number>>;
  blobs: { hash: string; path: string; type: string; size: number; sha256: string; createdAt: number }[];
  missingBlobs: string[];
}

export interface DecodedBackup {
  manifest: BackupManifest;
  snapshot: WorkplaceSnapshot;
}

const sha256 = sha256HexOfBytes;

/**
 * Reads the entries of a ZIP file (the ones `encodeBackup` writes: stored or
 * deflated, no ZIP64) from its central directory. Stored entries are views
 * into `bytes`, not copies; deflated ones (the JSON) are inflated by the
 * browser's own zlib (DecompressionStream), several times faster on a tablet
 * than inflating ~16 MB of JSON in JavaScript. Any inconsistency throws.
 */
async function readZip(bytes: Uint8Array): Promise<Record<string, Uint8Array>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const EOCD = 0x06054b50;
  // the end-of-central-directory record: the last 22 bytes, or before a comment of up to 64 KB
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: Record<string, Uint8Array> = {};
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new Error(`bad local header of ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) throw new Error(`${name} is cut short`);
    const raw = bytes.subarray(start, start + compressed);
    if (method === 0) out[name] = raw;
    else if (method === 8) out[name] = await inflateRaw(raw);
    else throw new Error(`${name}: compression method ${method}`);
    if (out[name].length !== size) throw new Error(`${name}: size`);
  }
  return out;
}

async function inflateRaw(raw: Uint8Array): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') return inflateSync(raw);
  const stream = new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Builds the backup file of a snapshot. */
export async function encodeBackup(snapshot: WorkplaceSnapshot, now = Date.now()): Promise<Uint8Array> {
  const data = strToU8(JSON.stringify({ tables: snapshot.tables }));
  const wp = snapshot.tables.workplaces.find((w) => w.id === snapshot.workplaceId) as (SyncedRow & { name?: string }) | undefined;
  const files: Zippable = { [DATA_PATH]: [data, { level: 6 }] };
  const blobs: BackupManifest['blobs'] = [];
  for (const b of snapshot.blobs) {
    const bytes = new Uint8Array(await b.data.arrayBuffer());
    const path = `blobs/${b.hash}`;
    files[path] = [bytes, { level: 0 }];
    blobs.push({ hash: b.hash, path, type: b.type, size: bytes.length, sha256: await sha256(bytes), createdAt: b.createdAt });
  }
  const counts: BackupManifest['counts'] = {};
  for (const name of SYNCED_TABLES) counts[name] = snapshot.tables[name]?.length ?? 0;
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    workplace: { id: snapshot.workplaceId, name: wp?.name ?? '' },
    data: { path: DATA_PATH, size: data.length, sha256: await sha256(data) },
    counts,
    blobs,
    missingBlobs: [...snapshot.missingBlobs],
  };
  // The manifest goes first, so a tool listing the archive shows it on top.
  return zipSync({ [MANIFEST_PATH]: [strToU8(JSON.stringify(manifest, null, 2)), { level: 6 }], ...files });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const damaged = (detail: string) => new BackupError('damaged', detail);

function parseJson(bytes: Uint8Array | undefined, what: string): unknown {
  if (!bytes) throw damaged(`${what} is missing`);
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw damaged(`${what} is not valid JSON`);
  }
}

function checkManifest(m: unknown): BackupManifest {
  if (!isObject(m) || m.format !== BACKUP_FORMAT) throw new BackupError('notBackup', 'not a Tavla backup manifest');
  if (typeof m.version !== 'number' || !Number.isInteger(m.version) || m.version < 1) throw damaged('bad format version');
  if (m.version > BACKUP_VERSION) throw new BackupError('newerVersion', `format version ${m.version}, this app reads up to ${BACKUP_VERSION}`);
  const wp = m.workplace;
  if (!isObject(wp) || typeof wp.id !== 'string' || wp.id.length === 0 || wp.id.length > 64) throw damaged('bad workplace');
  const data = m.data;
  if (!isObject(data) || data.path !== DATA_PATH || typeof data.sha256 !== 'string' || !BLOB_HASH.test(data.sha256)) throw damaged('bad data entry');
  if (!Array.isArray(m.blobs) || !Array.isArray(m.missingBlobs)) throw damaged('bad blob list');
  for (const b of m.blobs as unknown[]) {
    if (!isObject(b) || typeof b.hash !== 'string' || !BLOB_HASH.test(b.hash) || b.path !== `blobs/${b.hash}` || b.sha256 !== b.hash) throw damaged('bad blob entry');
    if (typeof b.type !== 'string' || typeof b.size !== 'number' || typeof b.createdAt !== 'number') throw damaged('bad blob entry');
  }
  for (const h of m.missingBlobs as unknown[]) if (typeof h !== 'string' || !BLOB_HASH.test(h)) throw damaged('bad missing blob');
  return m as unknown as BackupManifest;
}

/** Tables whose live rows carry a calendar date. */
const DATED: readonly SyncedTable[] = ['attendance', 'goalProgress', 'tasks', 'deviations', 'improvements', 'meetings', 'followUps'];

/**
 * Checks field stamps and remembers the newest. A file's ~200,000 stamps are
 * mostly a few distinct ones (every field of a row written at once): each
 * distinct stamp is matched against the pattern once.
 */
class StampCheck {
  newest = '';
  private readonly valid = new Set<string>();
  /** Whether every value of `clock` is a stamp. */
  all(clock: Record<string, unknown>): boolean {
    for (const s of Object.values(clock)) {
      if (typeof s !== 'string') return false;
      if (!this.valid.has(s)) {
        if (!isHlc(s)) return false;
        this.valid.add(s);
        if (s > this.newest) this.newest = s;
      }
    }
    return true;
  }
}

function checkRow(table: SyncedTable, row: unknown, workplaceId: string, stamps: StampCheck): SyncedRow {
  const where = `${table} row`;
  if (!isObject(row)) throw damaged(`${where} is not an object`);
  if (typeof row.id !== 'string' || row.id.length === 0 || row.id.length > 200) throw damaged(`${where} has no id`);
  if (row.workplaceId !== workplaceId) throw damaged(`${where} ${row.id} belongs to another workplace`);
  if (table === 'workplaces' && row.id !== workplaceId) throw damaged('a second workplace in the file');
  if (row.deleted !== 0 && row.deleted !== 1) throw damaged(`${where} ${row.id}: bad deleted flag`);
  if (!Number.isFinite(row.createdAt) || !Number.isFinite(row.updatedAt)) throw damaged(`${where} ${row.id}: bad timestamps`);
  if (!isObject(row._clock) || !stamps.all(row._clock)) throw damaged(`${where} ${row.id}: bad field stamps`);
  if (row.deleted === 0) {
    if (DATED.includes(table) && !isValidIsoDate(row.date)) throw damaged(`${where} ${row.id}: bad date`);
    if (table === 'attendance' && (typeof row.personId !== 'string' || !(row.status === null || ATTENDANCE_STATUSES.includes(row.status as never)))) {
      throw damaged(`${where} ${row.id}: bad mark`);
    }
    if (table === 'deviations' && !DEVIATION_CATEGORIES.includes(row.category as never)) throw damaged(`${where} ${row.id}: bad category`);
    if (table === 'workplaces' && typeof row.name !== 'string') throw damaged('workplace without a name');
    if (table === 'persons' && (typeof row.firstName !== 'string' || !isObject(row.avatar))) throw damaged(`${where} ${row.id}: bad person`);
  }
  return row as unknown as SyncedRow;
}

/**
 * Reads and validates a backup file completely. Throws BackupError on any
 * problem; on success the snapshot is ready for backupRepo.restore.
 *
 * Given the file itself (a Blob, as the file picker hands it over), each
 * photo becomes a slice of it: the browser hands its bytes to IndexedDB
 * without this page copying 24 MB of photos into new Blobs first. The bytes
 * that were checked are the bytes of that same file.
 */
export async function decodeBackup(file: Uint8Array | Blob, now = Date.now()): Promise<DecodedBackup> {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
  /** A photo's Blob: a slice of the file when its bytes are stored as they are in it, else a copy. */
  const blobOf = (content: Uint8Array, type: string): Blob =>
    file instanceof Blob && content.buffer === bytes.buffer
      ? file.slice(content.byteOffset - bytes.byteOffset, content.byteOffset - bytes.byteOffset + content.length, type)
      : new Blob([content as Uint8Array<ArrayBuffer>], { type });
  let files: Record<string, Uint8Array>;
  try {
    files = await readZip(bytes);
  } catch (err) {
    // Not a ZIP at all, or one cut short (its directory is at the end).
    throw new BackupError(bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b ? 'damaged' : 'notBackup', String(err));
  }
  if (!files[MANIFEST_PATH]) throw new BackupError('notBackup', 'no manifest');
  const manifest = checkManifest(parseJson(files[MANIFEST_PATH], 'manifest'));
  const workplaceId = manifest.workplace.id;

  const dataBytes = files[DATA_PATH];
  if (!dataBytes || dataBytes.length !== manifest.data.size) throw damaged('data.json checksum');
  // Every checksum at once: WebCrypto hashes off the main thread while the JSON is parsed and
  // checked here (one after the other, the 200 photos of a year took longer than the parse).
  // A failed hash counts as a mismatch ('' is no checksum).
  const digest = (bytes: Uint8Array) => sha256(bytes).catch(() => '');
  const dataSum = digest(dataBytes);
  const blobSums = manifest.blobs.map((b) => {
    const content = files[b.path];
    return content && content.length === b.size ? digest(content) : Promise.resolve('');
  });
  // (awaited before anything of the file is trusted, and before a parse error: edited bytes say "checksum")
  let data: unknown;
  let unreadable: unknown = null;
  try {
    data = parseJson(dataBytes, 'data');
  } catch (err) {
    unreadable = err;
  }
  if ((await dataSum) !== manifest.data.sha256) throw damaged('data.json checksum');
  if (unreadable) throw unreadable;
  if (!isObject(data) || !isObject(data.tables)) throw damaged('no tables');
  for (const name of Object.keys(data.tables)) if (!SYNCED_TABLES.includes(name as SyncedTable)) throw damaged(`unknown table ${name}`);

  const tables = {} as Record<SyncedTable, SyncedRow[]>;
  const stamps = new StampCheck();
  for (const name of SYNCED_TABLES) {
    const list = data.tables[name] ?? [];
    if (!Array.isArray(list)) throw damaged(`${name} is not a list`);
    const seen = new Set<string>();
    tables[name] = list.map((r: unknown) => {
      const row = checkRow(name, r, workplaceId, stamps);
      if (seen.has(row.id)) throw damaged(`${name} ${row.id} twice`);
      seen.add(row.id);
      return row;
    });
  }
  const wpRows = tables.workplaces;
  if (wpRows.length !== 1 || wpRows[0]!.deleted !== 0) throw damaged('the file must hold exactly one workplace');
  if (stamps.newest && parseHlc(stamps.newest).millis - now > MAX_DRIFT_MS) throw new BackupError('clock', 'stamps from the future');

  const sums = await Promise.all(blobSums);
  const blobs: SnapshotBlob[] = [];
  manifest.blobs.forEach((b, i) => {
    const content = files[b.path];
    if (!content) throw damaged(`blob ${b.hash} is missing`);
    if (sums[i] !== b.hash) throw damaged(`blob ${b.hash} checksum`);
    blobs.push({ hash: b.hash, type: b.type, size: b.size, createdAt: b.createdAt, data: blobOf(content, b.type) });
  });
  const present = new Set([...manifest.blobs.map((b) => b.hash), ...manifest.missingBlobs]);
  for (const h of referencedBlobs(tables)) if (!present.has(h)) throw damaged(`a record refers to blob ${h}, which is not in the file`);

  return { manifest, snapshot: { workplaceId, tables, blobs, missingBlobs: [...manifest.missingBlobs] } };
}
