/**
 * Record ids: client-generated UUIDv7 (time-ordered, never auto-increment),
 * so devices create rows offline without coordination.
 */
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}

/** 16 hex chars: the HLC node id of this device. */
export function newNodeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
