// Checks that generated Markdown is what SPEC §6 promises: tables whose every row has the header's
// number of cells, no HTML from user text (the only HTML is the fingerprint comment), no links or
// images the generator did not mean, and Mermaid fences that open and close where they should.

import MarkdownIt from 'markdown-it';

// html: true as on GitHub, which renders raw HTML: a leak would show up as an html token.
const markdown = new MarkdownIt({ html: true, linkify: false });

const FINGERPRINT = /^<!-- opsbook:(plan|review) fingerprint=[0-9a-f]{16} -->\n?$/;

/** Cells of one table row, split on pipes that are not backslash-escaped (GFM, also in code spans). */
export function tableCells(line: string): string[] {
    let body = line.trim();
    if (body.startsWith('|')) body = body.slice(1);
    if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
    const cells: string[] = [];
    let current = '';
    for (let i = 0; i < body.length; i++) {
        const char = body[i];
        if (char === '\\' && i + 1 < body.length) {
            current += char + body[i + 1];
            i++;
        } else if (char === '|') {
            cells.push(current);
            current = '';
        } else {
            current += char;
        }
    }
    cells.push(current);
    return cells;
}

export interface MarkdownReport {
    /** Problems found; empty when the document is sound. */
    problems: string[];
    tables: number;
    rows: number;
    mermaidFences: number;
}

/** Parses `text` with markdown-it and lists every way it breaks the promises above. */
export function inspectMarkdown(text: string): MarkdownReport {
    const problems: string[] = [];
    const tokens = markdown.parse(text, {});
    const lines = text.split('\n');
    const tableLines = new Set<number>();
    let tables = 0;
    let rows = 0;
    let mermaidFences = 0;
    for (const token of tokens) {
        if (token.type === 'table_open' && token.map) {
            tables++;
            const [start, end] = token.map;
            const header = tableCells(lines[start] ?? '').length;
            for (let line = start; line < end; line++) {
                tableLines.add(line);
                const cells = tableCells(lines[line] ?? '').length;
                if (cells !== header)
                    problems.push(`table row at line ${line + 1} has ${cells} cells, its header ${header}: ${lines[line]}`);
                if (line > start + 1) rows++;
            }
        }
        if (token.type === 'html_block' && !FINGERPRINT.test(token.content)) problems.push(`HTML block: ${token.content.trim()}`);
        if (token.type === 'fence') {
            if (token.info === 'mermaid') mermaidFences++;
            else problems.push(`unexpected fence '${token.info}' at line ${(token.map?.[0] ?? 0) + 1}`);
        }
        for (const child of token.children ?? []) {
            // The generator's own line break inside table cells is the one inline tag it writes.
            if (child.type === 'html_inline' && child.content !== '<br>') problems.push(`inline HTML: ${child.content}`);
            if (child.type === 'link_open') problems.push(`link to ${child.attrGet('href')}`);
            if (child.type === 'image') problems.push(`image ${child.attrGet('src')}`);
        }
    }
    // A row cut short by a line break in user text would leave a line starting with '|' outside a table.
    lines.forEach((line, index) => {
        if (line.startsWith('|') && !tableLines.has(index))
            problems.push(`line ${index + 1} looks like a table row outside a table: ${line}`);
    });
    const openFences = lines.filter(line => line === '```mermaid').length;
    if (openFences !== mermaidFences) problems.push(`${openFences} mermaid fences written, ${mermaidFences} parsed`);
    return { problems, tables, rows, mermaidFences };
}
