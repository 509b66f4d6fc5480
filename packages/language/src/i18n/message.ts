// A message not yet rendered: its key and arguments. A leaf module (types only besides `message`), so
// rule files (rules/*.ts) can build messages without importing the catalogues that gather them.

import type { MessageCatalogue } from './catalogue.js';

export type MessageKey = keyof MessageCatalogue;

/** A message not yet rendered: its key and arguments. */
export type Message = { [K in MessageKey]: { key: K; args: Parameters<MessageCatalogue[K]>[0] } }[MessageKey];

export function message<K extends MessageKey>(key: K, args: Parameters<MessageCatalogue[K]>[0]): Message {
    return { key, args } as Message;
}
