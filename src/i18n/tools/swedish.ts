/**
 * The Swedish wording of any message, read lazily: `swedishMessages[key]` is
 * the Swedish text once the Swedish catalogue (a lazy chunk) has arrived and
 * undefined until then (reading it starts the load, and a computation that
 * read it reruns on arrival). For second (Swedish) labels beside the chosen
 * language, so that a board in another language does not carry Swedish in
 * its first download.
 */
import { swedishMessage, type MessageKey } from '../index';

export const swedishMessages: Readonly<Record<MessageKey, string | undefined>> = new Proxy({} as Record<MessageKey, string | undefined>, {
  get: (_target, key) => (typeof key === 'string' ? swedishMessage(key as MessageKey) : undefined),
});
