import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AstNode, isReference, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { formatText } from '../../packages/language/src/format/format-text.js';
import { OpsbookFormatter } from '../../packages/language/src/lsp/opsbook-formatter.js';
import { services } from '../helpers.js';

const opsbook = services.Opsbook;
const ROOT = join(__dirname, '..', '..');

async function format(text: string): Promise<string> {
    const result = await formatText(opsbook, text, 'memory:/test.ops');
    if (!result.ok) throw new Error(`${result.problem.line}:${result.problem.column} ${result.problem.message}`);
    return result.text;
}

/** The AST without positions, containers or CST: what the file means. References by their text. */
function shape(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shape);
    if (isReference(value)) return { $ref: value.$refText };
    if (value && typeof value === 'object') {
        const node = value as AstNode & Record<string, unknown>;
        const result: Record<string, unknown> = { $type: node.$type };
        for (const key of Object.keys(node).sort()) {
            if (!key.startsWith('$')) result[key] = shape(node[key]);
        }
        return result;
    }
    return value;
}

function parseShape(text: string): unknown {
    const document = opsbook.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:/shape.ops'));
    expect(document.parseResult.parserErrors).toEqual([]);
    return shape(document.parseResult.value);
}

function opsFiles(): string[] {
    const files: string[] = [];
    for (const folder of ['examples/growth', 'examples/shop', 'examples/saas', 'tests/grammar', 'tests/fixtures/cli/hostile']) {
        for (const name of readdirSync(join(ROOT, folder)).sort()) if (name.endsWith('.ops')) files.push(`${folder}/${name}`);
    }
    return files;
}

describe('every .ops file of the repository', () => {
    test.each(opsFiles())('%s: same AST after formatting, and formatting again changes nothing', async file => {
        const text = readFileSync(join(ROOT, file), 'utf8');
        const result = await formatText(opsbook, text, URI.file(join(ROOT, file)).toString());
        if (!result.ok) {
            // Only the grammar fixtures that are broken on purpose may fail, and they stay untouched.
            expect(file).toMatch(/^tests\/grammar\/(names|recovery|values)\.ops$/);
            return;
        }
        expect(parseShape(result.text)).toEqual(parseShape(text));
        expect(await format(result.text)).toBe(result.text);
        // Comments survive, in order.
        const comments = (t: string) => t.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)?.map(c => c.trimEnd()) ?? [];
        expect(comments(result.text)).toEqual(comments(text.replace(/\r\n/g, '\n')));
    });
});

describe('canonical layout', () => {
    test('one property per line, two spaces, } on its own line; short one-property blocks stay on one line', async () => {
        const text = 'goal   G "t" {target 10 x by 2027-01-01    owner a}\nperson ceo{role "CEO"}\nperson p { }\nfunnel F {a->b  ->c}';
        expect(await format(text)).toBe(
            'goal G "t" {\n  target 10 x by 2027-01-01\n  owner a\n}\nperson ceo { role "CEO" }\nperson p {}\nfunnel F { a -> b -> c }\n'
        );
    });

    test('a one-property block longer than 100 columns is split', async () => {
        const long = `person p { role "${'x'.repeat(90)}" }`;
        expect(await format(long)).toBe(`person p {\n  role "${'x'.repeat(90)}"\n}\n`);
    });

    test('commas hug the name before them; blank lines collapse to one; none after { or before }', async () => {
        const text = 'review R {\n\n  covers A ,B,   C\n\n\n\n  ask "q"\n\n}\n\n\n\nmetric m count';
        expect(await format(text)).toBe('review R {\n  covers A, B, C\n\n  ask "q"\n}\n\nmetric m count\n');
    });

    test('comments stay where they are; trailing comments of a run line up, counting Chinese as two columns', async () => {
        const text = [
            '// header',
            'channel 渠道 {',
            '      kind paid // k',
            '  budget 20万元      // 预算',
            '  // on its own line',
            '  delivers 8000 加购 to 月加购 /* inline */',
            '}'
        ].join('\n');
        expect(await format(text)).toBe(
            [
                '// header',
                'channel 渠道 {',
                '  kind paid      // k',
                '  budget 20万元  // 预算',
                '  // on its own line',
                '  delivers 8000 加购 to 月加购 /* inline */',
                '}',
                ''
            ].join('\n')
        );
    });

    test('a comment inside a property keeps the rest of the property on the next line', async () => {
        const text = 'goal G {\n  target 10 // why ten\n  x by 2027-01-01\n}';
        const formatted = await format(text);
        expect(formatted).toBe('goal G {\n  target 10  // why ten\n    x by 2027-01-01\n}\n');
        expect(await format(formatted)).toBe(formatted);
    });

    test('CRLF line endings and a byte order mark are kept', async () => {
        expect(await format('\uFEFFmetric a count\r\nmetric  b count\r\n')).toBe('\uFEFFmetric a count\r\nmetric b count\r\n');
    });

    test('an empty file stays empty', async () => {
        expect(await format('')).toBe('');
        expect(await format('\n\n')).toBe('');
    });
});

describe('files that do not parse', () => {
    test('give the first syntax error with its position and no text', async () => {
        const result = await formatText(opsbook, 'goal G {\n  budget 10k CNY\n}\n', 'memory:/bad.ops');
        expect(result).toEqual({
            ok: false,
            problem: { line: 2, column: 3, message: expect.stringContaining("'budget' is not a property of a goal") }
        });
    });

    test('the LSP formatter returns no edits for them', async () => {
        const formatter = new OpsbookFormatter(opsbook);
        const document = opsbook.shared.workspace.LangiumDocumentFactory.fromString('goal G { owner ', URI.parse('memory:/broken.ops'));
        expect(
            formatter.formatDocument(document, { textDocument: { uri: 'memory:/broken.ops' }, options: { tabSize: 2, insertSpaces: true } })
        ).toEqual([]);
    });
});

describe('the LSP formatter', () => {
    test('its edits turn the document into what formatText returns', async () => {
        // The example is formatted (tests/cli/examples-formatted.test.ts); indent it badly and pad its comments.
        const formatted = readFileSync(join(ROOT, 'examples/growth/growth.ops'), 'utf8');
        const text = formatted.replace(/^ {2}/gm, '     ').replace(/ +\/\/ /g, '     // ');
        expect(text).not.toBe(formatted);
        const formatter = new OpsbookFormatter(opsbook);
        const document = opsbook.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:/growth.ops'));
        const edits = formatter.formatDocument(document, {
            textDocument: { uri: 'memory:/growth.ops' },
            options: { tabSize: 2, insertSpaces: true }
        });
        expect(edits.length).toBeGreaterThan(0);
        const applied = TextDocument.applyEdits(TextDocument.create('memory:/growth.ops', 'opsbook', 1, text), edits);
        expect(applied).toBe(await format(text));
        expect(applied).toBe(formatted);
    });

    test('range formatting only touches lines inside the range', async () => {
        const text = 'metric  a count\nmetric  b count\nmetric  c count\n';
        const formatter = new OpsbookFormatter(opsbook);
        const document = opsbook.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:/r.ops'));
        const edits = formatter.formatDocumentRange(document, {
            textDocument: { uri: 'memory:/r.ops' },
            options: { tabSize: 2, insertSpaces: true },
            range: { start: { line: 1, character: 0 }, end: { line: 1, character: 15 } }
        });
        expect(TextDocument.applyEdits(TextDocument.create('memory:/r.ops', 'opsbook', 1, text), edits)).toBe(
            'metric  a count\nmetric b count\nmetric  c count\n'
        );
    });
});
