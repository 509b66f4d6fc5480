// The README's "first playbook in five minutes", run as written: every `npx opsbook …` line of its
// shell blocks (with the built CLI, in an empty folder), the edit it asks for, and the output it shows.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli, temporaryFolder } from '../cli/cli-helpers.js';

const README = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
const section = /<!-- section:quickstart -->\n([\s\S]*?)<!-- \/section:quickstart -->/.exec(README)?.[1] ?? '';
const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(match => ({ lang: match[1], body: match[2] }));
const commands = (body: string) =>
    body
        .split('\n')
        .filter(line => line.startsWith('npx opsbook '))
        .map(line => {
            const [command, comment] = line.split(/\s+#\s+/);
            return { args: command.trim().split(/\s+/).slice(2), comment: comment?.trim() };
        });

const folder = temporaryFolder('opsbook-readme-');
afterAll(() => folder.remove());

describe('README: its first lines', () => {
    test('are the two commands a newcomer runs on a fresh machine: set-up with the main job, then the tests', () => {
        expect(
            README.split('\n')
                .slice(0, 6)
                .map(line => line.replace(/\s+#.*$/, ''))
        ).toEqual(['# Opsbook', '', '```sh', 'npm install && npm start', 'npm test', '```']);
    });
});

describe('README: your first playbook in five minutes', () => {
    test('the section has its three shell blocks and the output block', () => {
        expect(blocks.map(block => block.lang)).toEqual(['sh', 'text', 'sh']);
    });

    test('init and check: clean, with the tally the README shows', async () => {
        const [init, check] = commands(blocks[0].body);
        expect((await runCli(init.args, { cwd: folder.dir })).code).toBe(0);
        const result = await runCli(check.args, { cwd: folder.dir });
        expect(result).toMatchObject({ code: 0, stdout: `${check.comment}\n` });
    });

    test('the edit it asks for gives the error it shows, exit 1', async () => {
        const [, from, to] = /Change `([^`]+)` to `([^`]+)`/.exec(section) ?? [];
        const file = path.join(folder.dir, 'plans/playbook.ops');
        const original = fs.readFileSync(file, 'utf8');
        expect(original).toContain(from);
        fs.writeFileSync(file, original.replace(from, to));
        const result = await runCli(commands(blocks[0].body)[1].args, { cwd: folder.dir });
        expect(result.code).toBe(1);
        expect(result.stdout.split('\n')[0]).toBe(blocks[1].body.trim());
        fs.writeFileSync(file, original);
    });

    test('plan, review and fmt run clean and write what they say', async () => {
        for (const { args } of commands(blocks[2].body)) {
            const result = await runCli(args, { cwd: folder.dir });
            expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
        }
        expect(fs.readFileSync(path.join(folder.dir, 'plan.md'), 'utf8')).toMatch(
            /^<!-- opsbook:plan fingerprint=\w+ -->\n# Execution plan: 2027-Q1 plan\n/
        );
        expect(fs.readFileSync(path.join(folder.dir, 'review.md'), 'utf8')).toMatch(/^<!-- opsbook:review fingerprint=/);
    });
});
