import { expect } from 'vitest';
import { PER_INPUT_LIMIT_MS } from './fuzz-settings.js';
import { checkFiles, format } from './in-process.js';

/** Line/character of the end of `text` as LSP counts them (\r\n, \r and \n each end a line). */
export function endPosition(text: string): { line: number; character: number } {
    const lines = text.split(/\r\n|\r|\n/);
    return { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
}

/**
 * The first file of `files` goes through parse, link, analysis, validation and fmt without throwing,
 * in bounded time; every diagnostic has a rule id, a message and a range inside the text; and what
 * fmt produces, fmt leaves alone.
 */
export async function survives(files: Record<string, string>): Promise<void> {
    const text = Object.values(files)[0] ?? '';
    const checked = await checkFiles(files);
    expect(checked.elapsed).toBeLessThan(PER_INPUT_LIMIT_MS);
    const end = endPosition(text);
    for (const diagnostic of checked.diagnostics) {
        const text = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
        expect(typeof diagnostic.code, text).toBe('string');
        expect(text.length).toBeGreaterThan(0);
        const { start, end: stop } = diagnostic.range;
        expect(
            start.line < stop.line || (start.line === stop.line && start.character <= stop.character),
            JSON.stringify(diagnostic.range)
        ).toBe(true);
        expect(
            stop.line < end.line || (stop.line === end.line && stop.character <= end.character),
            `${JSON.stringify(diagnostic.range)} past ${JSON.stringify(end)}`
        ).toBe(true);
    }
    const formatted = await format(text);
    if (formatted.ok) {
        const again = await format(formatted.text);
        expect(again).toEqual({ ok: true, text: formatted.text, changed: false });
    }
}
