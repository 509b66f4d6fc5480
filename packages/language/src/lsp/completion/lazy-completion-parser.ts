import type { LangiumCompletionParser, LangiumCoreServices } from 'langium';
import { createCompletionParser } from 'langium';

/** Read on the stand-in: whether the real completion parser exists yet (for its guard test). */
export const COMPLETION_PARSER_CREATED = Symbol('completion parser created');

/**
 * Langium's completion parser, created on first use. Langium makes every service when the server
 * initializes (`eagerLoad`), and the completion parser is a second chevrotain parser with its own
 * self-analysis (about 20 ms of every editor start, before the first diagnostics). This stands in for it
 * and hands every property of the real one through once something asks for one; symbol-keyed questions
 * (Langium's `eagerLoad` asks whether a service is an injector) are answered without creating it.
 * Completion only calls `parse` (tests/architecture/langium-internals.test.ts checks that it is created
 * by the first completion and not before).
 */
export function lazyCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    let parser: LangiumCompletionParser | undefined;
    const real = (): LangiumCompletionParser => {
        parser ??= createCompletionParser(services);
        return parser;
    };
    return new Proxy({} as LangiumCompletionParser, {
        get(_target, property) {
            if (property === COMPLETION_PARSER_CREATED) return parser !== undefined;
            if (typeof property === 'symbol' && parser === undefined) return undefined;
            const target = real();
            const value = Reflect.get(target, property) as unknown;
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
        has: (_target, property) => Reflect.has(real(), property)
    });
}
