// Small document building blocks, each rendered twice: as Markdown and as HTML. A cell or line is
// either raw text (escaped here, always: `escapeMarkdown`, `escapeHtml`) or trusted markup built by
// the generator itself from escaped parts, so user text can only ever reach the output escaped. The
// plan is written once (plan-document.ts) to a `DocumentOut`: `MarkdownDocument` here, `HtmlDocument`
// in html-document.ts.

import { escapeHtml } from './html-escape.js';
import { cell as escapeCell, escapeMarkdown, singleLine } from './markdown-escape.js';

/** Markup the generator wrote itself, in both forms; every user string inside it was escaped already. */
export interface Trusted {
    readonly md: string;
    readonly html: string;
}

export type Cell = string | Trusted | undefined;

/** Markup given in both forms (generator text only, never user text). */
export function trusted(md: string, html: string): Trusted {
    return { md, html };
}

/**
 * The HTML form made only when read: the Markdown plan (the live preview's, on every edit) never reads
 * it, and escaping every cell a second time for nothing cost a tenth of its render.
 */
class LazyTrusted implements Trusted {
    private made: string | undefined;

    constructor(
        readonly md: string,
        private readonly make: () => string
    ) {}

    get html(): string {
        this.made ??= this.make();
        return this.made;
    }
}

function lazy(md: string, html: () => string): Trusted {
    return new LazyTrusted(md, html);
}

/** A cell left empty on purpose (a matrix gap, a value to fill in by hand), not shown as a dash. */
export const BLANK: Trusted = { md: ' ', html: '' };

/** A line break inside a cell or a list item. */
export const LINE_BREAK: Trusted = { md: '<br>', html: '<br>' };

export function bold(text: string): Trusted {
    return lazy(`**${escapeMarkdown(text)}**`, () => `<strong>${escapeHtml(text)}</strong>`);
}

/** A figure the generator formatted (money, a total), in bold; it holds no Markdown punctuation to escape. */
export function strongFigure(figure: string): Trusted {
    return trusted(`**${figure}**`, `<strong>${escapeHtml(figure)}</strong>`);
}

/**
 * Emphasis must not start or end with a space (CommonMark), so surrounding spaces stay outside; `*`
 * rather than `_` because `_` does not open emphasis next to letters, which Chinese text always is.
 */
export function italic(text: string): Trusted {
    const [, before = '', inner = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
    return trusted(
        inner === '' ? text : `${before}*${escapeMarkdown(inner)}*${after}`,
        inner === '' ? escapeHtml(text) : `${escapeHtml(before)}<em>${escapeHtml(inner)}</em>${escapeHtml(after)}`
    );
}

/**
 * Inline code for generated identifiers such as file names: one line, no control or bidi characters
 * (`singleLine`), a backtick becomes `'`. Code spans are never autolinked, so nothing else is needed.
 */
export function code(text: string): Trusted {
    const safe = singleLine(text).replace(/`/g, "'");
    return trusted(`\`${safe}\``, `<code>${escapeHtml(text)}</code>`);
}

/** Joins cells into one trusted piece, escaping the raw ones. */
export function join(parts: readonly Cell[], separator: Trusted = trusted('', '')): Trusted {
    const present = parts.filter(p => p !== undefined && p !== '');
    return lazy(present.map(render).join(separator.md), () => present.map(renderHtml).join(separator.html));
}

export function render(part: Cell): string {
    if (part === undefined) return '';
    return typeof part === 'string' ? escapeMarkdown(part) : part.md;
}

export function renderHtml(part: Cell): string {
    if (part === undefined) return '';
    return typeof part === 'string' ? escapeHtml(part) : part.html;
}

function renderCell(part: Cell): string {
    if (part === undefined || part === '') return '—';
    return typeof part === 'string' ? escapeCell(part) : part.md === '' ? '—' : part.md;
}

export type Align = 'left' | 'right';

/** A GFM table; `align` per column (numbers right). Rows shorter than the header are padded. */
export function table(header: readonly Cell[], rows: readonly (readonly Cell[])[], align: readonly Align[] = []): string {
    const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
    const lines = [
        line(header.map(h => render(h))),
        line(header.map((_, i) => (align[i] === 'right' ? '---:' : '---'))),
        ...rows.map(row => line(header.map((_, i) => renderCell(row[i]))))
    ];
    return lines.join('\n');
}

/** A drawing of the plan: Mermaid source for Markdown, inline SVG (drawn by our own code) for HTML. */
export interface Diagram {
    mermaid(): string;
    svg(): string;
}

/** What a generated document is written to: Markdown (below) or HTML (html-document.ts). */
export interface DocumentOut {
    heading(level: number, text: Cell): this;
    /** A level-2 heading; for an empty list also the sentence saying so, and false (nothing more to write). */
    section(heading: string, items: readonly unknown[], whenEmpty: string): boolean;
    paragraph(text: Cell): this;
    bullets(items: readonly Cell[]): this;
    numbered(items: readonly Cell[]): this;
    table(header: readonly Cell[], rows: readonly (readonly Cell[])[], align?: readonly Align[]): this;
    diagram(diagram: Diagram): this;
}

/** A document assembled from blocks separated by one blank line, ending in one newline. */
export class MarkdownDocument implements DocumentOut {
    private readonly blocks: string[] = [];

    heading(level: number, text: Cell): this {
        this.blocks.push(`${'#'.repeat(level)} ${render(text)}`);
        return this;
    }

    /** A level-2 heading; for an empty list also the sentence saying so, and false (nothing more to write). */
    section(heading: string, items: readonly unknown[], whenEmpty: string): boolean {
        this.heading(2, heading);
        if (items.length > 0) return true;
        this.paragraph(whenEmpty);
        return false;
    }

    paragraph(text: Cell): this {
        const rendered = render(text);
        if (rendered !== '') this.blocks.push(rendered);
        return this;
    }

    bullets(items: readonly Cell[]): this {
        if (items.length > 0) this.blocks.push(items.map(i => `- ${render(i)}`).join('\n'));
        return this;
    }

    numbered(items: readonly Cell[]): this {
        if (items.length > 0) this.blocks.push(items.map((item, i) => `${i + 1}. ${render(item)}`).join('\n'));
        return this;
    }

    table(header: readonly Cell[], rows: readonly (readonly Cell[])[], align?: readonly Align[]): this {
        this.blocks.push(table(header, rows, align));
        return this;
    }

    /** A fenced block; the generator guarantees its content holds no ``` line. */
    fenced(language: string, content: string): this {
        this.blocks.push(`\`\`\`${language}\n${content.replace(/```/g, "'''")}\n\`\`\``);
        return this;
    }

    diagram(diagram: Diagram): this {
        return this.fenced('mermaid', diagram.mermaid());
    }

    raw(markdown: string): this {
        this.blocks.push(markdown);
        return this;
    }

    toString(): string {
        return `${this.blocks.join('\n\n')}\n`;
    }
}
