/**
 * The sync schema version rule (docs/sync-protocol.md): an app older than
 * the server must update first (426); a newer one waits for the server (400).
 */
import { SCHEMA_VERSION } from '../sync/shared/protocol';
import { ApiError } from './errors';

export function assertSchemaVersion(version: number): void {
  if (version < SCHEMA_VERSION) {
    throw new ApiError(426, 'update_required', `This app speaks sync schema ${version}; the server needs ${SCHEMA_VERSION}. Reload to update.`);
  }
  if (version > SCHEMA_VERSION) {
    throw new ApiError(400, 'bad_request', `This server speaks sync schema ${SCHEMA_VERSION}, older than the app's ${version}; try again after the server is updated`);
  }
}
