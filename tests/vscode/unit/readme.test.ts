// The extension's README is its page in the Extensions view and on the Marketplace (issue 16): its
// images must be files the VSIX holds, linked relatively (packaging keeps them relative:
// scripts/package-extension.mjs passes --no-rewrite-relative-links, so they show offline), and it may
// point at nothing else of the repository.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const EXTENSION = join(import.meta.dirname, '../../../packages/extension');
const README = readFileSync(join(EXTENSION, 'README.md'), 'utf8');
const links = [...README.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)\)/g)].map(m => ({ image: m[1] === '!', target: m[2] as string }));

describe('the extension README', () => {
    test('every image is a PNG under images/ that exists and that .vscodeignore lets into the VSIX', () => {
        const images = links.filter(link => link.image).map(link => link.target);
        expect(images).toEqual([
            'images/preview-light-en.png',
            'images/diagnostics.png',
            'images/hover.png',
            'images/completion.png',
            'images/preview-dark-en.png',
            'images/preview-dark-zh.png'
        ]);
        for (const image of images) expect(existsSync(join(EXTENSION, image)), image).toBe(true);
        expect(readFileSync(join(EXTENSION, '.vscodeignore'), 'utf8')).toContain('!images/*.png');
        expect(readFileSync(join(import.meta.dirname, '../../../scripts/package-extension.mjs'), 'utf8')).toContain(
            "'--no-rewrite-relative-links'"
        );
    });

    test('no link to a file outside the extension; web links only to the project itself', () => {
        for (const { target } of links.filter(link => !link.image))
            expect(target).toMatch(/^https:\/\/github\.com\/opsbook\/opsbook(\/|$)/);
        expect(README).not.toMatch(/\]\(\.\.?\//);
    });

    test('speaks to users: install, a first playbook, the features with pictures, Chinese', () => {
        const headings = [...README.matchAll(/^## (.+)$/gm)].map(m => m[1]);
        expect(headings.slice(0, 4)).toEqual(['Install', 'Your first playbook', 'Features', '中文']);
    });
});
