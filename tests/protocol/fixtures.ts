import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './lsp-client.js';
import type { CliDiagnostic } from '../../packages/cli/src/output/cli-diagnostic.js';

/** A team file and a playbook with one error (goal-undercovered), in a fresh workspace root. */
export const TEAM_OPS = 'person alice "Alice Wang" { role "Growth lead" }\nperson bob\n';
export const PLAN_OPS = [
    'import "team.ops"',
    '',
    'playbook P { period 2027-Q1 budget 100k CNY }',
    'metric signups "Registered users" count',
    'goal G { target 20k signups by 2027-03-31 owner alice }',
    'channel C {',
    '  owner bob',
    '  budget 30k CNY',
    '  delivers 18k signups to G',
    '}',
    'monitor signups { by channel every day }',
    'assessment alice { kpi G weight 100% }',
    'review Weekly { every week on monday owner alice covers G }',
    ''
].join('\n');

/** Writes files into a new temporary workspace root (with an empty opsbook.json); returns its folder. */
export function temporaryWorkspace(files: Record<string, string>): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-protocol-'));
    fs.writeFileSync(path.join(folder, 'opsbook.json'), '{}\n');
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        fs.writeFileSync(path.join(folder, name), text);
    }
    return folder;
}

export type { CliDiagnostic };

/** What `opsbook check --format json` reports for the files of a folder (run from that folder). */
export function cliDiagnostics(folder: string): CliDiagnostic[] {
    let output: string;
    try {
        output = execFileSync(process.execPath, [path.join(REPO, 'packages/cli/bin/opsbook.cjs'), 'check', '--format', 'json', '.'], {
            cwd: folder,
            encoding: 'utf8'
        });
    } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? '');
    }
    return (JSON.parse(output) as { diagnostics: CliDiagnostic[] }).diagnostics;
}
