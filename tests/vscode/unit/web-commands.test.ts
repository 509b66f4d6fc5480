// VS Code for the Web (issue 18): the browser entry registers fewer commands than the desktop one. Every
// command the manifest offers must be registered by each entry where it is offered: a command the web
// entry lacks is hidden there by `!isWeb` in every menu, the Command Palette included.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const EXTENSION = join(import.meta.dirname, '../../../packages/extension');
const read = (file: string) => readFileSync(join(EXTENSION, file), 'utf8');
const manifest = JSON.parse(read('package.json')) as {
    contributes: { commands: { command: string }[]; menus: Record<string, { command: string; when?: string }[]> };
};
const registered = (source: string) => new Set([...read(source).matchAll(/registerCommand\(\s*'([^']+)'/g)].map(m => m[1] as string));
const web = registered('src/browser-extension.ts');
// cycle-commands.ts and rule-documentation.ts register their commands through constants.
const constants = (source: string) => [...read(source).matchAll(/const [A-Z_]+ = '(opsbook\.[A-Za-z]+)'/g)].map(m => m[1] as string);
const desktop = new Set([
    ...registered('src/extension.ts'),
    ...constants('src/commands/cycle-commands.ts'),
    ...constants('src/commands/rule-documentation.ts')
]);

describe('commands of the web and desktop entries', () => {
    test('the desktop entry registers every command of the manifest', () => {
        expect(manifest.contributes.commands.map(c => c.command).filter(command => !desktop.has(command))).toEqual([]);
    });

    test('a command the web entry does not register is hidden on the web in every menu, the palette included', () => {
        const missing = manifest.contributes.commands.map(c => c.command).filter(command => !web.has(command));
        expect(missing.sort()).toEqual(
            [
                'opsbook.compareWith',
                'opsbook.exportJson',
                'opsbook.generateReview',
                'opsbook.showRuleDocumentation',
                'opsbook.startNextCycle'
            ].sort()
        );
        const shown: string[] = [];
        for (const command of missing) {
            const palette = manifest.contributes.menus.commandPalette?.find(entry => entry.command === command);
            if (!palette?.when?.includes('!isWeb')) shown.push(`commandPalette: ${command}`);
            for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
                for (const entry of entries)
                    if (entry.command === command && !entry.when?.includes('!isWeb')) shown.push(`${menu}: ${command}`);
            }
        }
        expect([...new Set(shown)]).toEqual([]);
    });
});
