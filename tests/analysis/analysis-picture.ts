// A plain, comparable picture of an analysis (tests/organisation/unimported-shortcut.test.ts,
// tests/analysis/trim-lists.test.ts): what two ways of computing the same figures must agree on.

/** A plain, comparable picture of analysis values: AST nodes by type and name, decimals as text. */
export function plain(value: unknown, depth = 0, seen = new Set<unknown>()): unknown {
    if (value === null || value === undefined || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
    if (depth > 10) return '…';
    const object = value as Record<string, unknown>;
    if ('$type' in object && ('$container' in object || object.$type === 'Document'))
        return `<${String(object.$type)} ${String(object.name ?? '')}>`;
    if ('uri' in object && 'parseResult' in object) return `<document ${String(object.uri).split('/').pop()}>`;
    if (object.constructor?.name === 'Decimal') return String(value);
    if (value instanceof Map) return [...value.entries()].map(([k, v]) => [plain(k, depth + 1, seen), plain(v, depth + 1, seen)]);
    if (seen.has(value)) return '<cycle>';
    seen.add(value);
    const out = Array.isArray(value)
        ? value.map(item => plain(item, depth + 1, seen))
        : Object.fromEntries(
              Object.entries(object).map(([key, v]) => [
                  key,
                  key === 'elsewhere' && typeof v === 'function'
                      ? plain((v as () => unknown)(), depth + 1, seen)
                      : plain(v, depth + 1, seen)
              ])
          );
    seen.delete(value);
    return out;
}
