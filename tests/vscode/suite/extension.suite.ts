// The Opsbook extension at work in a real VS Code: the workspace is a copy of examples/ plus
// tests/vscode/fixtures/ (made by tests/vscode/workspace.mjs), so the tests may edit it freely.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpsbookExtensionApi } from '../../../packages/extension/src/api.js';
import { diagnosticLines, open, positionAfter, readText, ruleOf, waitFor, workspaceFile } from './helpers.js';

const EXTENSION_ID = 'opsbook.opsbook-vscode';
const EXAMPLES = [
    'examples/growth/growth.ops',
    'examples/growth/team.ops',
    'examples/saas/saas.ops',
    'examples/shop/shop.ops',
    'examples/shop/团队.ops'
];
const GROWTH_GOALS = ['SeedUsers', 'Retention', 'Revenue', 'SouthRevenue'];
const TYPO_DIAGNOSTIC = "18:9 unresolved-reference unknown person 'alcie': did you mean 'alice'?";

export function defineExtensionTests(): void {
    suite('Opsbook extension', () => {
        let api: OpsbookExtensionApi;
        const growth = () => workspaceFile('examples/growth/growth.ops');
        const typo = () => workspaceFile('mistakes/typo.ops');

        suiteSetup(async () => {
            await open(growth());
            const extension = vscode.extensions.getExtension<OpsbookExtensionApi>(EXTENSION_ID);
            assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
            api = await waitFor('the extension to activate on an .ops file', () => extension.isActive && extension.exports, 20_000);
            await api.ready;
        });

        test('activates on an .ops file and runs the language server', () => {
            assert.equal(vscode.window.activeTextEditor?.document.languageId, 'opsbook');
            assert.ok(api.client.isRunning(), 'the language client is not running');
        });

        test('reports the misspelt owner with its rule, position and message', async () => {
            await open(typo());
            const lines = await waitFor('the diagnostics of mistakes/typo.ops', () => {
                const found = diagnosticLines(typo());
                return found.includes(TYPO_DIAGNOSTIC) && found;
            });
            const typoDiagnostic = vscode.languages.getDiagnostics(typo()).find(d => ruleOf(d) === 'unresolved-reference')!;
            assert.equal(typoDiagnostic.severity, vscode.DiagnosticSeverity.Error);
            assert.deepEqual(
                [
                    typoDiagnostic.range.start.line,
                    typoDiagnostic.range.start.character,
                    typoDiagnostic.range.end.line,
                    typoDiagnostic.range.end.character
                ],
                [17, 8, 17, 13]
            );
            assert.ok(
                lines.some(line => / goal-undercovered .*30,000.*50,000/.test(line)),
                lines.join('\n')
            );
        });

        test('the examples check without errors or warnings', async () => {
            for (const example of EXAMPLES) {
                const uri = workspaceFile(example);
                await vscode.workspace.openTextDocument(uri);
                const status = await api.client.sendRequest<{ errors: number; warnings: number }>('opsbook/documentStatus', {
                    uri: uri.toString()
                });
                assert.deepEqual([status.errors, status.warnings], [0, 0], `${example}: the server counts problems`);
                assert.deepEqual(diagnosticLines(uri), [], `${example} has diagnostics`);
            }
        });

        test('a quick fix replaces the misspelt owner', async () => {
            const editor = await open(typo());
            const diagnostic = vscode.languages.getDiagnostics(typo()).find(d => ruleOf(d) === 'unresolved-reference');
            assert.ok(diagnostic, 'no unresolved-reference diagnostic to fix');
            // A request that meets a build still running is cancelled and VS Code gives []; an editor's
            // light bulb asks again, and so does the test, until the server has answered.
            const actions = await waitFor('the quick fixes of the unresolved owner', async () => {
                const found = await vscode.commands.executeCommand<vscode.CodeAction[]>(
                    'vscode.executeCodeActionProvider',
                    typo(),
                    diagnostic.range,
                    vscode.CodeActionKind.QuickFix.value
                );
                return found.length > 0 && found;
            });
            const titles = actions.map(action => action.title);
            assert.ok(titles.includes("Show documentation for rule 'unresolved-reference'"), titles.join('\n'));
            const fix = actions.find(action => action.edit && action.title.includes("'alice'"));
            assert.ok(fix, `no quick fix naming 'alice' among: ${titles.join(' | ')}`);
            assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the quick fix edit was not applied');
            assert.equal(editor.document.lineAt(17).text, '  owner alice');
            await waitFor(
                'the unresolved-reference diagnostic to go',
                () => !diagnosticLines(typo()).some(line => line.includes('unresolved-reference')) && diagnosticLines(typo())
            );
            assert.ok(
                diagnosticLines(typo()).some(line => line.includes('goal-undercovered')),
                'goal-undercovered should stay'
            );
        });

        test('completion after `owner` offers the people, not goals', async () => {
            const editor = await open(typo());
            const position = positionAfter(editor.document, 'owner ', 20); // goal Revenue: `owner bob`
            const list = await vscode.commands.executeCommand<vscode.CompletionList>(
                'vscode.executeCompletionItemProvider',
                typo(),
                position
            );
            const labels = list.items.map(item => (typeof item.label === 'string' ? item.label : item.label.label));
            for (const person of ['alice', 'bob']) assert.ok(labels.includes(person), `${person} missing from ${labels.join(', ')}`);
            for (const notPerson of ['Signups', 'Revenue', 'Ads', 'signups'])
                assert.ok(!labels.includes(notPerson), `${notPerson} offered after owner`);
        });

        test('hover, inlay hints and code lenses reach the editor', async () => {
            const editor = await open(growth());
            const goalName = positionAfter(editor.document, 'goal SeedUsers').translate(0, -2);
            const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', growth(), goalName);
            const hoverText = hovers
                .flatMap(hover => hover.contents.map(part => (typeof part === 'string' ? part : part.value)))
                .join('\n');
            assert.match(hoverText, /20,000/, `hover on SeedUsers: ${hoverText}`);
            const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
                'vscode.executeInlayHintProvider',
                growth(),
                new vscode.Range(0, 0, editor.document.lineCount, 0)
            );
            assert.ok(hints.length > 0, 'no inlay hints on growth.ops');
            const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', growth(), 100);
            const commands = lenses.map(lens => lens.command?.command);
            assert.ok(commands.includes('opsbook.previewPlan'), `code lens commands: ${commands.join(', ')}`);
            assert.ok(commands.includes('opsbook.generateReview'), `code lens commands: ${commands.join(', ')}`);
        });

        test('the plan preview names the goals and draws its Mermaid diagrams', async () => {
            await open(growth());
            await vscode.commands.executeCommand('opsbook.previewPlan', growth());
            const state = await waitFor('the preview to render with its diagrams', () => {
                const current = api.previewState(growth());
                return current?.diagrams !== undefined && current;
            });
            for (const goal of GROWTH_GOALS) assert.ok(state.html.includes(goal), `the rendered plan does not name ${goal}`);
            assert.deepEqual(state.diagramErrors, [], 'Mermaid failed on a diagram');
            assert.ok(state.diagrams! >= 3, `only ${state.diagrams} Mermaid diagrams were drawn`);
        });

        test('the preview of a library (team.ops) says so and links the playbook importing it; the status bar too', async () => {
            const team = workspaceFile('examples/growth/team.ops');
            await open(team);
            await vscode.commands.executeCommand('opsbook.previewPlan', team);
            const state = await waitFor('the library panel of team.ops', () => api.previewState(team)?.library);
            assert.deepEqual(
                state.map(playbook => playbook.name),
                ['growth.ops']
            );
            assert.equal(api.previewState(team)?.error, undefined, 'a library is not an error');
            const shown = await waitFor('the status bar item of team.ops', () => {
                const status = api.statusBar();
                return status?.label.includes('imported by growth.ops') && status;
            });
            assert.match(shown.text, /\$\(library\)$/);
        });

        test('the plan preview follows unsaved edits', async () => {
            const editor = await open(growth());
            const original = editor.document.getText();
            const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
            await editor.edit(edit =>
                edit.insert(end, '\ngoal Referrals "Users who invite friends" {\n  target 500 signups by 2027-03-31\n  owner bob\n}\n')
            );
            await waitFor('the preview to show the new goal', () => api.previewState(growth())?.html.includes('Referrals'));
            const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
            await editor.edit(edit => edit.replace(whole, original));
            await editor.document.save();
            await waitFor('the preview to drop the goal again', () => api.previewState(growth())?.html.includes('Referrals') === false);
        });

        test('the status bar counts the active playbook’s problems', async () => {
            await open(typo());
            const shown = await waitFor('the status bar item of typo.ops', () => {
                const status = api.statusBar();
                return status?.label.startsWith('Opsbook: 1 error, 0 warnings') && status;
            });
            assert.match(shown.text, /^Opsbook \$\(error\) 1 \$\(warning\) 0/);
            await open(growth());
            await waitFor('the status bar item of growth.ops', () => api.statusBar()?.label.startsWith('Opsbook: 0 errors, 0 warnings'));
        });

        test('Compare with… another file gives the change review of the figures (issue 15)', async () => {
            const other = workspaceFile('examples/growth/growth-v2.ops');
            const text = (await readText(growth())).replace('budget 500k CNY', 'budget 650k CNY');
            await vscode.workspace.fs.writeFile(other, new TextEncoder().encode(text));
            const markdown = await vscode.commands.executeCommand<string>('opsbook.compareWith', growth(), { other, quiet: true });
            assert.ok(markdown, 'the command returned no change review');
            assert.match(markdown, /500,000 CNY/);
            assert.match(markdown, /650,000 CNY/);
            await vscode.workspace.fs.delete(other);
        });

        test('Start Next Cycle writes the next playbook through the server, and it checks clean', async () => {
            const target = workspaceFile('examples/growth/growth-next.ops');
            const written = await vscode.commands.executeCommand<vscode.Uri>('opsbook.startNextCycle', growth(), {
                actuals: workspaceFile('cycle/growth-actuals.csv'),
                period: '',
                target
            });
            assert.equal(written?.toString(), target.toString());
            const next = await readText(target);
            assert.match(next, /period 2027-04-01 \.\. 2027-06-30|period 2027-Q2/);
            assert.match(next, /^\/\//); // the header comment summarising the finished cycle
            await open(target);
            // The server's own count for the new file (it waits until the file is validated).
            const status = await api.client.sendRequest<{ errors: number; library?: boolean }>('opsbook/documentStatus', {
                uri: target.toString()
            });
            assert.equal(status.errors, 0);
            assert.notEqual(status.library, true);
        });

        test('Generate Review Template writes the review and never overwrites hand edits silently', async () => {
            const target = workspaceFile('reviews/growth-2027-01.md');
            const written = await vscode.commands.executeCommand<vscode.Uri>('opsbook.generateReview', growth(), {
                period: '2027-01',
                target
            });
            assert.equal(written?.toString(), target.toString());
            const generated = await readText(target);
            assert.match(generated, /SeedUsers/);

            // The same bytes again: nothing to write, nothing asked.
            let asked = 0;
            api.confirmOverwrite = async () => {
                asked++;
                return false;
            };
            assert.equal(
                await vscode.commands.executeCommand('opsbook.generateReview', growth(), { period: '2027-01', target }),
                undefined
            );
            assert.equal(asked, 0);

            // A different period into the same, untouched file: replaced without asking.
            assert.ok(await vscode.commands.executeCommand('opsbook.generateReview', growth(), { period: '2027-02', target }));
            assert.equal(asked, 0);

            // Hand-written notes: asked first; "no" keeps them, "yes" replaces them.
            const notes = `${await readText(target)}\nNotes from the meeting: SEO beat the forecast.\n`;
            await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(notes));
            assert.equal(
                await vscode.commands.executeCommand('opsbook.generateReview', growth(), { period: '2027-01', target }),
                undefined
            );
            assert.equal(asked, 1);
            assert.equal(await readText(target), notes);
            api.confirmOverwrite = async () => true;
            assert.ok(await vscode.commands.executeCommand('opsbook.generateReview', growth(), { period: '2027-01', target }));
            assert.equal(await readText(target), generated);
        });

        test('unsaved edits are never saved, written over or lost by the commands', async () => {
            // The playbook itself, edited and not saved: generating, exporting and previewing leave it so.
            const playbook = await open(growth());
            const onDisk = await readText(growth());
            const note = '\n// unsaved note, not for the disk\n';
            await playbook.edit(edit => edit.insert(playbook.document.lineAt(playbook.document.lineCount - 1).range.end, note));
            const unsavedText = playbook.document.getText();
            const review = workspaceFile('reviews/unsaved-2027-01.md');
            assert.ok(await vscode.commands.executeCommand('opsbook.generateReview', growth(), { period: '2027-01', target: review }));
            assert.ok(await vscode.commands.executeCommand('opsbook.exportJson', growth(), workspaceFile('exports/unsaved.json')));
            assert.equal(playbook.document.isDirty, true, 'a command saved the playbook');
            assert.equal(playbook.document.getText(), unsavedText);
            assert.equal(await readText(growth()), onDisk, 'a command wrote the playbook to disk');

            // The review, open with unsaved notes: a new generation asks first; "no" keeps both the notes in
            // the editor and the file on disk, even where the file itself is untouched since it was generated.
            const reviewEditor = await open(review);
            const generated = await readText(review);
            await reviewEditor.edit(edit => edit.insert(new vscode.Position(0, 0), 'Notes typed during the meeting.\n'));
            const typed = reviewEditor.document.getText();
            let asked = 0;
            api.confirmOverwrite = async () => {
                asked++;
                return false;
            };
            assert.equal(
                await vscode.commands.executeCommand('opsbook.generateReview', growth(), { period: '2027-02', target: review }),
                undefined
            );
            assert.equal(asked, 1, 'generating into a file with unsaved changes did not ask');
            assert.equal(await readText(review), generated);
            assert.equal(reviewEditor.document.getText(), typed);
            assert.equal(reviewEditor.document.isDirty, true);

            // Export into a file open with unsaved changes: refused, nothing written.
            const exported = workspaceFile('exports/unsaved.json');
            const exportEditor = await open(exported);
            const exportedBytes = await readText(exported);
            await exportEditor.edit(edit => edit.insert(new vscode.Position(0, 0), ' '));
            assert.equal(await vscode.commands.executeCommand('opsbook.exportJson', growth(), exported), undefined);
            assert.equal(await readText(exported), exportedBytes);
            assert.equal(exportEditor.document.isDirty, true);

            // Put everything back for the tests that follow: the playbook's text as on disk (saved: the
            // editor is clean again), the other two reverted.
            api.confirmOverwrite = async () => true;
            const playbookAgain = await open(growth());
            await playbookAgain.edit(edit => edit.replace(new vscode.Range(0, 0, playbookAgain.document.lineCount, 0), onDisk));
            await playbookAgain.document.save();
            for (const editor of [exportEditor, reviewEditor]) {
                await vscode.window.showTextDocument(editor.document);
                await vscode.commands.executeCommand('workbench.action.files.revert');
                assert.equal(editor.document.isDirty, false);
            }
            assert.equal(await readText(growth()), onDisk);
        });

        test('Export JSON writes the analysed playbook', async () => {
            const target = workspaceFile('exports/growth.json');
            await vscode.commands.executeCommand('opsbook.exportJson', growth(), target);
            const json = await readText(target);
            for (const goal of GROWTH_GOALS) assert.ok(json.includes(`"${goal}"`), `the export does not name ${goal}`);
            assert.doesNotThrow(() => JSON.parse(json));
        });

        test('opsbook.json is validated against the schema the extension ships', async () => {
            const settings = workspaceFile('settings/opsbook.json');
            await open(settings);
            const problems = await waitFor('JSON diagnostics on settings/opsbook.json', () => {
                const found = vscode.languages.getDiagnostics(settings);
                return found.length > 0 && found;
            });
            assert.ok(
                problems.some(d => d.range.start.line === 2 && /error.*warning.*info.*off/s.test(d.message)),
                problems.map(d => `${d.range.start.line + 1}: ${d.message}`).join('\n')
            );
        });

        test('Show Rule Documentation opens the rule’s section of the rules reference, rendered', async () => {
            assert.equal(await vscode.commands.executeCommand('opsbook.showRuleDocumentation', 'goal-undercovered'), true);
            const previewTab = () =>
                vscode.window.tabGroups.all
                    .flatMap(group => group.tabs)
                    .find(tab => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType));
            const tab = await waitFor('the Markdown preview of docs/rules.md', () => previewTab());
            assert.match(tab.label, /rules\.md/);
            const raw = vscode.window.visibleTextEditors.find(editor => editor.document.uri.path.endsWith('/docs/rules.md'));
            assert.equal(raw, undefined, 'the raw Markdown should not be opened');
        });
    });
}
