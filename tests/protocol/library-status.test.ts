import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DOCUMENT_STATUS_REQUEST, type DocumentStatusResult } from '../../packages/language/src/lsp/custom-requests.js';
import { PLAN_OPS, TEAM_OPS, temporaryWorkspace } from './fixtures.js';
import { fileUri, LspTestClient } from './lsp-client.js';

// Issue 16, item 2: the extension learns from opsbook/documentStatus that a file is a library (no
// `playbook`) and which playbooks import it, to say so in the preview and hide review and export.

describe('opsbook/documentStatus of a library file', () => {
    let client: LspTestClient;
    let folder: string;
    const status = (file: string) =>
        client.connection.sendRequest<DocumentStatusResult>(DOCUMENT_STATUS_REQUEST, { uri: fileUri(path.join(folder, file)) });

    beforeAll(async () => {
        folder = temporaryWorkspace({
            'team.ops': TEAM_OPS,
            'plan.ops': PLAN_OPS,
            'q2/plan.ops': PLAN_OPS.replace('import "team.ops"', 'import "shared.ops"'),
            'q2/shared.ops': 'import "../team.ops"\nmetric visits count\n',
            'other.ops': 'playbook O { period 2027-Q1 }\n'
        });
        client = LspTestClient.start();
        await client.initialize(folder, { initializationOptions: { diagnosticsDelay: 0 } });
    });

    afterAll(async () => {
        await client?.stop();
    });

    test('a library: library true, the playbooks importing it directly or not, by path from it', async () => {
        expect(await status('team.ops')).toEqual({
            errors: 0,
            warnings: 0,
            library: true,
            importedBy: [
                { uri: fileUri(path.join(folder, 'plan.ops')), name: 'plan.ops' },
                { uri: fileUri(path.join(folder, 'q2/plan.ops')), name: 'q2/plan.ops' }
            ]
        });
        expect((await status('q2/shared.ops')).importedBy?.map(p => p.name)).toEqual(['plan.ops']);
    });

    test('a playbook: no library field', async () => {
        const result = await status('plan.ops');
        expect(result.library).toBeUndefined();
        expect(result.importedBy).toBeUndefined();
        expect(result.errors).toBe(1);
    });
});
