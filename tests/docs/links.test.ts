// Every relative link of the user documentation resolves: README.md, docs/*.md and the other Markdown
// files at the root, examples/README.md and packages/cli/README.md. A link names a file or folder of
// the repository (relative to the page), optionally with a #fragment that must be a heading of the
// target page (GitHub's anchors). README.md and docs/ link nothing outside the repository.
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const md = new MarkdownIt({ html: true });

const PAGES = [
    'README.md',
    ...fs
        .readdirSync(path.join(REPO, 'docs'))
        .filter(file => file.endsWith('.md'))
        .map(file => `docs/${file}`),
    ...fs.readdirSync(REPO).filter(file => file.endsWith('.md') && file !== 'README.md'),
    'examples/README.md',
    'packages/cli/README.md'
].sort();

type Token = ReturnType<MarkdownIt['parse']>[number];

/** Links and images of a page, with the line they are on. */
function linksOf(text: string): { target: string; line: number }[] {
    const links: { target: string; line: number }[] = [];
    const visit = (tokens: Token[], line: number) => {
        for (const token of tokens) {
            const at = token.map ? token.map[0] + 1 : line;
            const target = token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
            if (target !== null) links.push({ target, line: at });
            if (token.children) visit(token.children, at);
        }
    };
    visit(md.parse(text, {}), 1);
    return links;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to '-', repeats get -1, -2. */
function anchorsOf(text: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    const tokens = md.parse(text, {});
    tokens.forEach((token, index) => {
        if (token.type !== 'heading_open') return;
        const inline = tokens[index + 1];
        const words = (inline.children ?? [])
            .filter(child => child.type === 'text' || child.type === 'code_inline')
            .map(child => child.content)
            .join('');
        const slug = words
            .toLowerCase()
            .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
            .replace(/ /g, '-');
        const count = seen.get(slug) ?? 0;
        seen.set(slug, count + 1);
        anchors.add(count === 0 ? slug : `${slug}-${count}`);
    });
    return anchors;
}

describe('the slug and link readers', () => {
    test('anchors as GitHub makes them', () => {
        expect([...anchorsOf('# What is published: one package, `@opsbook/cli`\n## Tests\n## Tests\n### 规则 (zh-CN)\n')]).toEqual([
            'what-is-published-one-package-opsbookcli',
            'tests',
            'tests-1',
            '规则-zh-cn'
        ]);
    });
    test('links in code are not links', () => {
        expect(linksOf('[a](x.md) `[b](y.md)`\n\n```md\n[c](z.md)\n```\n![d](img.png)\n')).toEqual([
            { target: 'x.md', line: 1 },
            { target: 'img.png', line: 6 }
        ]);
    });
});

describe.each(PAGES)('%s', page => {
    const text = fs.readFileSync(path.join(REPO, page), 'utf8');
    const links = linksOf(text);

    test('every relative link resolves, fragments included', () => {
        const broken: string[] = [];
        for (const { target, line } of links) {
            if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
            const [file, fragment] = target.split('#') as [string, string | undefined];
            const resolved =
                file === '' ? path.join(REPO, page) : path.resolve(path.dirname(path.join(REPO, page)), decodeURIComponent(file));
            if (!resolved.startsWith(REPO + path.sep) && resolved !== REPO) {
                broken.push(`${page}:${line}: ${target} leaves the repository`);
            } else if (!fs.existsSync(resolved)) {
                broken.push(`${page}:${line}: ${target} does not exist`);
            } else if (fragment && resolved.endsWith('.md') && !anchorsOf(fs.readFileSync(resolved, 'utf8')).has(fragment)) {
                broken.push(`${page}:${line}: ${target}: no heading #${fragment} there`);
            }
        }
        expect(broken).toEqual([]);
    });
});

// The user's pages (README.md and docs/) link nothing outside the repository; the other pages may.
describe.each(PAGES.filter(page => page === 'README.md' || page.startsWith('docs/')))('%s', page => {
    test('links nothing outside the repository', () => {
        const links = linksOf(fs.readFileSync(path.join(REPO, page), 'utf8'));
        expect(links.filter(link => /^[a-z][a-z0-9+.-]*:/i.test(link.target)).map(link => `${page}:${link.line}: ${link.target}`)).toEqual(
            []
        );
    });
});

describe('docs/README.md, the table of contents', () => {
    test('links every page of docs/', () => {
        const listed = new Set(linksOf(fs.readFileSync(path.join(REPO, 'docs/README.md'), 'utf8')).map(link => link.target.split('#')[0]));
        const pages = fs.readdirSync(path.join(REPO, 'docs')).filter(file => file.endsWith('.md') && file !== 'README.md');
        expect(pages.filter(page => !listed.has(page))).toEqual([]);
    });
});
