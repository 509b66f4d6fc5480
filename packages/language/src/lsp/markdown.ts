/** Text written by users (titles, names) shown inside Markdown: no emphasis, links, HTML or tables by accident. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, character => `\\${character}`);
}

/** A name or keyword as inline code; backticks inside cannot close it early. */
export function code(text: string): string {
    const fence = text.includes('`') ? '``' : '`';
    return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}
