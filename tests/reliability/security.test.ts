// Security: imports stay inside the workspace root (also through symbolic links), generated Markdown
// neutralises HTML and Markdown in all user text, the CLI writes only the path it was given and never
// through a symbolic link into another folder, no code from a playbook is ever executed, and
// opsbook.json has no setting that could point outside the workspace.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectMarkdown } from './support/markdown-check.js';
import { CODE_TEXTS, HOSTILE_TEXTS, hostilePlaybook } from './support/hostile-playbook.js';
import { runCliInProcess, runCliProcess } from './support/run-cli.js';
import { tempWorkspace, writeFiles } from './support/temp-workspace.js';

/** Every file below `dir` (relative paths, sorted), symbolic links as links. */
function tree(dir: string): string[] {
    const found: string[] = [];
    const walk = (folder: string) => {
        for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
            const full = path.join(folder, entry.name);
            found.push(path.relative(dir, full));
            if (entry.isDirectory()) walk(full);
        }
    };
    walk(dir);
    return found.sort();
}

/** An outside folder (not below the workspace) holding a file that would be noticed if it were read. */
function outsideFolder(): string {
    const outside = tempWorkspace(
        { 'secret.ops': 'person mallory "from outside"\n', 'notes.md': 'outside, must not change\n' },
        { root: false }
    );
    return outside;
}

describe('imports cannot leave the workspace root', () => {
    it('relative, absolute, dotted and symlinked (file and folder) paths out of the root are import-unresolved; nothing outside is read', async () => {
        const outside = outsideFolder();
        const root = tempWorkspace({ 'sub/inner.ops': 'person inner\n' });
        fs.symlinkSync(path.join(outside, 'secret.ops'), path.join(root, 'linked.ops'));
        fs.symlinkSync(outside, path.join(root, 'linked-folder'));
        fs.symlinkSync(path.join(root, 'sub', 'inner.ops'), path.join(root, 'inside-link.ops'));
        const relativeOut = path.relative(root, path.join(outside, 'secret.ops'));
        writeFiles(root, {
            'main.ops': [
                `import "${relativeOut}"`,
                `import "${path.join(outside, 'secret.ops')}"`,
                `import "sub/../${relativeOut}"`,
                'import "linked.ops"',
                'import "linked-folder/secret.ops"',
                'import "inside-link.ops"',
                'goal G { owner mallory }',
                'goal H { owner inner }',
                ''
            ].join('\n')
        });
        const result = await runCliInProcess(['check', '--format', 'json', path.join(root, 'main.ops')]);
        const report = JSON.parse(result.stdout) as { diagnostics: { line: number; rule: string; message: string; file: string }[] };
        const errors = report.diagnostics.filter(d => d.rule !== 'goal-unplanned' && d.rule !== 'owner-not-assessed');
        expect(errors.map(d => [d.line, d.rule])).toEqual([
            [1, 'import-unresolved'],
            [2, 'import-unresolved'],
            [3, 'import-unresolved'],
            [4, 'import-unresolved'],
            [5, 'import-unresolved'],
            [7, 'unresolved-reference']
        ]);
        for (const d of errors.slice(0, 5)) expect(d.message).toMatch(/lies outside the workspace root/);
        // mallory (outside) stays unknown; inner, through a link that stays inside the root, resolves
        expect(errors[5]?.message).toBe("unknown person 'mallory'");
        expect(report.diagnostics.every(d => d.file.endsWith('main.ops'))).toBe(true);
    });

    it('a workspace reached through a symbolic link still resolves its own imports', async () => {
        const root = tempWorkspace({
            'team.ops': 'person alice\n',
            'main.ops': 'import "team.ops"\nmetric s count\ngoal G { target 1 s by 2027-03-31 owner alice }\n'
        });
        const alias = `${root}-alias`;
        fs.symlinkSync(root, alias);
        try {
            const result = await runCliInProcess(['check', '--quiet', path.join(alias, 'main.ops')]);
            expect(result.stdout).toMatch(/^1 file checked: 0 errors, \d+ warnings\n$/);
            expect(result.code).toBe(0);
        } finally {
            fs.unlinkSync(alias);
        }
    });
});

describe('generated Markdown neutralises user text', () => {
    const root = tempWorkspace({ 'hostile.ops': hostilePlaybook() });
    const file = path.join(root, 'hostile.ops');

    it('the hostile playbook itself is valid, so every document is generated from it', async () => {
        const result = await runCliInProcess(['check', file]);
        expect(result.stdout).toBe('1 file checked: 0 errors, 0 warnings\n');
    });

    for (const [name, args] of [
        ['plan (en)', ['plan', file]],
        ['plan (zh-CN)', ['plan', file, '--locale', 'zh-CN']],
        ['review', ['review', file, '--on', '2027-02-01']]
    ] as const) {
        it(`${name}: tables intact, no HTML, links, images or Mermaid directives from user text`, async () => {
            const result = await runCliInProcess([...args]);
            expect(result.stderr).toBe('');
            expect(result.code).toBe(0);
            const report = inspectMarkdown(result.stdout);
            expect(report.problems).toEqual([]);
            expect(report.tables).toBeGreaterThan(2);
            for (const text of [...HOSTILE_TEXTS, ...CODE_TEXTS]) {
                if (/[<>]/.test(text)) expect(result.stdout, text).not.toContain(text);
            }
            // Inside Mermaid blocks no user text may start a statement (`click … call` runs code) or a directive.
            const mermaid = [...result.stdout.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(m => m[1] ?? '').join('\n');
            expect(mermaid).not.toMatch(/^\s*click\b/m);
            expect(mermaid).not.toContain('%%{');
            expect(mermaid).not.toContain('<script');
        });
    }

    it('the Markdown checker itself catches a broken table, raw HTML and a link', () => {
        const broken = '| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n\n<img src=x onerror=alert(1)>\n\n[x](https://evil.example) <b>bold</b>\n';
        expect(inspectMarkdown(broken).problems).toEqual([
            'table row at line 3 has 3 cells, its header 2: | 1 | 2 | 3 |',
            'HTML block: <img src=x onerror=alert(1)>',
            'link to https://evil.example',
            'inline HTML: <b>',
            'inline HTML: </b>'
        ]);
    });
});

describe('the CLI writes only the path it was given', () => {
    const PLAYBOOK = 'playbook P { period 2027-Q1 }\nreview R { every week }\n';

    it('plan -o writes exactly that file, whole, and leaves no temporary file', async () => {
        const root = tempWorkspace({ 'p.ops': PLAYBOOK, 'docs/keep.md': 'keep\n' });
        const before = tree(root);
        const result = await runCliInProcess(['plan', path.join(root, 'p.ops'), '-o', path.join(root, 'docs', 'plan.md')]);
        expect(result.code, result.stderr).toBe(0);
        expect(tree(root)).toEqual([...before, 'docs/plan.md'].sort());
        expect(fs.readFileSync(path.join(root, 'docs/plan.md'), 'utf8')).toMatch(/^<!-- opsbook:plan fingerprint=/);
    });

    it('refuses to write through a symbolic link into another folder; the file there is unchanged', async () => {
        const outside = outsideFolder();
        const root = tempWorkspace({ 'p.ops': PLAYBOOK });
        fs.symlinkSync(path.join(outside, 'notes.md'), path.join(root, 'plan.md'));
        fs.symlinkSync(path.join(outside, 'missing.md'), path.join(root, 'dangling.md'));
        for (const target of ['plan.md', 'dangling.md']) {
            for (const force of [[], ['--force']]) {
                const result = await runCliInProcess(['plan', path.join(root, 'p.ops'), '-o', path.join(root, target), ...force]);
                expect(result.code, `${target} ${force.join(' ')}`).toBe(2);
                expect(result.stderr).toMatch(/symbolic link .*not writing through it/);
            }
        }
        expect(fs.readFileSync(path.join(outside, 'notes.md'), 'utf8')).toBe('outside, must not change\n');
        expect(fs.existsSync(path.join(outside, 'missing.md'))).toBe(false);
        expect(tree(outside)).toEqual(['notes.md', 'secret.ops']);
    });

    it('a link to a file in the same folder is followed: the file it names is replaced, the link stays', async () => {
        const root = tempWorkspace({ 'p.ops': PLAYBOOK });
        expect((await runCliInProcess(['plan', path.join(root, 'p.ops'), '-o', path.join(root, 'real-plan.md')])).code).toBe(0);
        fs.writeFileSync(path.join(root, 'p.ops'), PLAYBOOK.replace('2027-Q1', '2027-Q2'));
        fs.symlinkSync('real-plan.md', path.join(root, 'plan.md'));
        const result = await runCliInProcess(['plan', path.join(root, 'p.ops'), '-o', path.join(root, 'plan.md')]);
        expect(result.code, result.stderr).toBe(0);
        expect(fs.lstatSync(path.join(root, 'plan.md')).isSymbolicLink()).toBe(true);
        expect(fs.readFileSync(path.join(root, 'real-plan.md'), 'utf8')).toMatch(/^<!-- opsbook:plan[\s\S]*2027-04-01/);
    });

    it('fmt rewrites only the files it names, never a linked file outside the root', async () => {
        const outside = tempWorkspace({ 'ugly.ops': 'person   x\n' }, { root: false });
        const root = tempWorkspace({ 'a.ops': 'person    a\n', 'b.ops': 'person b\n' });
        fs.symlinkSync(path.join(outside, 'ugly.ops'), path.join(root, 'link.ops'));
        const result = await runCliInProcess(['fmt', root]);
        expect(result.stdout).toBe(`${path.join(root, 'a.ops')}\n`);
        expect(fs.readFileSync(path.join(root, 'a.ops'), 'utf8')).toBe('person a\n');
        expect(fs.readFileSync(path.join(outside, 'ugly.ops'), 'utf8')).toBe('person   x\n');
    });
});

describe('no code from a playbook is ever executed', () => {
    it('template, shell and JavaScript snippets in strings and dangerous names are just text', () => {
        const root = tempWorkspace({ 'hostile.ops': hostilePlaybook() });
        for (const args of [
            ['check', 'hostile.ops'],
            ['plan', 'hostile.ops'],
            ['review', 'hostile.ops', '--on', '2027-02-01'],
            ['export', 'hostile.ops', '--format', 'json'],
            ['export', 'hostile.ops', '--format', 'csv']
        ]) {
            const result = runCliProcess(args, { cwd: root });
            expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
            expect(result.signal).toBeNull();
        }
        expect(fs.existsSync(path.join(root, 'PWNED'))).toBe(false);
        expect(tree(root)).toEqual(['hostile.ops', 'opsbook.json']);
    }, 120_000);

    it('names like __proto__ and constructor do not pollute prototypes in process', async () => {
        const root = tempWorkspace({ 'hostile.ops': hostilePlaybook() });
        await runCliInProcess(['export', path.join(root, 'hostile.ops'), '--format', 'json']);
        await runCliInProcess(['plan', path.join(root, 'hostile.ops')]);
        const probe: Record<string, unknown> = {};
        expect(Object.keys(Object.prototype)).toEqual([]);
        expect(probe.role).toBeUndefined();
        expect(typeof {}.toString).toBe('function');
    });

    it('export JSON keeps dangerous names as data, and CSV neutralises formulas in free text', async () => {
        const root = tempWorkspace({
            'hostile.ops': hostilePlaybook().replace(/goal Users "(?:[^"\\]|\\.)*"/, 'goal Users "=HYPERLINK(\\"http://x\\")"')
        });
        const json = await runCliInProcess(['export', path.join(root, 'hostile.ops'), '--format', 'json']);
        expect(json.code, json.stderr).toBe(0);
        const parsed = JSON.parse(json.stdout) as object;
        expect(JSON.stringify(parsed)).toContain('"__proto__"');
        const csv = await runCliInProcess(['export', path.join(root, 'hostile.ops'), '--format', 'csv']);
        expect(csv.code, csv.stderr).toBe(0);
        for (const line of csv.stdout.split('\n')) {
            for (const cell of line.split(',')) expect(cell.replace(/^"/, ''), line).not.toMatch(/^[=+@]/);
        }
    });
});

describe('opsbook.json cannot point outside the workspace', () => {
    for (const [key, value] of [
        ['root', '"../.."'],
        ['include', '["../../**/*.ops"]'],
        ['imports', '{"paths": ["/etc"]}'],
        ['workspace', '"/"'],
        ['output', '"/tmp/elsewhere"']
    ] as const) {
        it(`an unknown setting "${key}" is refused with file, line and column (exit 2)`, () => {
            const root = tempWorkspace({ 'opsbook.json': `{\n  "rules": {},\n  "${key}": ${value}\n}\n`, 'p.ops': 'person p\n' });
            const result = runCliProcess(['check', 'p.ops'], { cwd: root });
            expect(result.stderr).toBe(
                `opsbook: opsbook.json:3:3: unknown setting '${key}' in opsbook.json: expected rules, thresholds, locale or ignore\n`
            );
            expect(result.code).toBe(2);
        });
    }
});

describe('terminal escapes from file content and file names never reach the terminal (Reliability round two, item 6)', () => {
    // ESC/BEL (set the title, clear the screen), a C1 CSI, RIGHT-TO-LEFT OVERRIDE (Trojan Source), DEL.
    const HOSTILE = '\x1b]0;pwned\x07\x1b[2J\u009b31m\u202egnp.exe\x7f\u2066';
    const SHOWN = '\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202egnp.exe\\u007f\\u2066';
    const EVIL_NAME = 'evil\n::error file=x::forged\x1b[2J.ops';
    /** Any control or bidi character but the newlines that end the output's own lines. */
    const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
    const files = { 'esc.ops': `goal "${HOSTILE}" { }\n`, [EVIL_NAME]: 'x\n', '\x1b[2J.ops': 'person    ann\n' };

    it('check escapes user text and file names in every format; JSON and SARIF keep the exact data', () => {
        const dir = tempWorkspace(files);
        const text = runCliProcess(['check', '.'], { cwd: dir });
        const github = runCliProcess(['check', '.', '--format', 'github'], { cwd: dir });
        const json = runCliProcess(['check', '.', '--format', 'json'], { cwd: dir });
        const sarif = runCliProcess(['check', '.', '--format', 'sarif'], { cwd: dir });
        for (const [name, result] of Object.entries({ text, github, json, sarif })) {
            expect(result.code, name).toBe(1);
            expect(result.stderr, name).toBe('');
            expect(result.stdout, name).not.toMatch(RAW);
        }
        const lines = text.stdout.split('\n');
        expect(lines).toHaveLength(4); // two diagnostics, the tally, the final newline: the name's newline forged no line
        expect(lines[0]).toMatch(new RegExp(`^esc\\.ops:1:6 error syntax-error .*"${SHOWN.replace(/[\\[\]().*]/g, '\\$&')}"$`));
        expect(lines[1]).toMatch(/^evil\\u000a::error file=x::forged\\u001b\[2J\.ops:1:1 error syntax-error /);
        expect(lines[2]).toBe('3 files checked: 2 errors, 0 warnings');

        const commands = github.stdout.split('\n');
        expect(commands).toHaveLength(4);
        expect(commands[0]).toMatch(
            /^::error file=esc\.ops,line=1,col=6,endLine=1,endColumn=\d+,title=syntax-error::.*\\u001b\]0;pwned\\u0007/
        );
        expect(commands[1]).toMatch(
            /^::error file=evil%0A%3A%3Aerror file=x%3A%3Aforged\\u001b\[2J\.ops,line=1,col=1,endLine=1,endColumn=2,title=syntax-error::/
        );

        const diagnostics = JSON.parse(json.stdout).diagnostics as { file: string; message: string }[];
        expect(diagnostics.map(d => d.file)).toEqual(['esc.ops', EVIL_NAME]);
        expect(diagnostics[0]?.message).toContain(`"${HOSTILE}"`);
        expect(json.stdout).toContain(SHOWN); // JSON escapes, not raw bytes
        const results = JSON.parse(sarif.stdout).runs[0].results as {
            message: { text: string };
            locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
        expect(results.map(r => r.message.text)).toEqual(diagnostics.map(d => d.message));
        expect(decodeURIComponent(results[1]!.locations[0]!.physicalLocation.artifactLocation.uri)).toBe(EVIL_NAME);
    });

    it('fmt, plan and the one-line failures escape file names and messages too', () => {
        const dir = tempWorkspace(files);
        const fmt = runCliProcess(['fmt', '\x1b[2J.ops'], { cwd: dir });
        expect({ code: fmt.code, stdout: fmt.stdout, stderr: fmt.stderr }).toEqual({ code: 0, stdout: '\\u001b[2J.ops\n', stderr: '' });
        const plan = runCliProcess(['plan', 'esc.ops'], { cwd: dir });
        expect(plan.code).toBe(1);
        expect(plan.stderr).toContain(`"${SHOWN}"`);
        const missing = runCliProcess(['check', 'gone\x1b]0;x\x07.ops'], { cwd: dir });
        expect({ code: missing.code, stderr: missing.stderr }).toEqual({
            code: 2,
            stderr: 'opsbook: gone\\u001b]0;x\\u0007.ops: no such file or folder\n'
        });
        const usage = runCliProcess(['check', '--format', 'x\x1b[2J'], { cwd: dir });
        expect(usage.code).toBe(2);
        expect(usage.stderr).toContain("argument 'x\\u001b[2J' is invalid");
        for (const result of [fmt, plan, missing, usage]) expect(result.stdout + result.stderr).not.toMatch(RAW);
    });

    it('plan, review and both exports written to the terminal carry no control character from a title (JSON as \\u escapes)', () => {
        // A valid playbook whose every free text holds ESC/BEL, a C1 CSI, DEL and a bidi override.
        const titled = hostilePlaybook().replace(/^(\w+ \w+) "(?:[^"\\]|\\.)*"/gm, (_, head: string) => `${head} "t${HOSTILE}t"`);
        expect(titled).toContain(`goal Users "t${HOSTILE}t"`);
        const dir = tempWorkspace({ 'titled.ops': titled });
        for (const args of [
            ['plan', 'titled.ops'],
            ['review', 'titled.ops', '--on', '2027-02-01'],
            ['export', 'titled.ops', '--format', 'json'],
            ['export', 'titled.ops', '--format', 'csv']
        ]) {
            const result = runCliProcess(args, { cwd: dir });
            expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
            expect(result.stdout, args.join(' ')).toContain('pwned');
            expect(result.stdout.replace(/\r\n/g, '\n'), args.join(' ')).not.toMatch(RAW);
        }
        const json = runCliProcess(['export', 'titled.ops', '--format', 'json'], { cwd: dir });
        expect(JSON.stringify(JSON.parse(json.stdout))).toContain(JSON.stringify(`t${HOSTILE}t`).slice(1, -1)); // the exact data
    });
});
