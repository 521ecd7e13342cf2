/**
 * Record ids: client-generated UUIDv7 (time-ordered, never auto-increment),
 * so devices create rows offline without coordination.
 */
import { v7 } from 'uuid';
import { toHex } from '../domain/hex';

export function newId(): string {
  return v7();
}

/** 16 hex chars: the HLC node id of this device. */
export function newNodeId(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(8)));
}
