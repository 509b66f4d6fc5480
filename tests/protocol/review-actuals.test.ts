import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OpsbookRequestErrors, RENDER_REVIEW_REQUEST } from '../../packages/language/src/lsp/custom-requests.js';
import { temporaryWorkspace } from './fixtures.js';
import { LspTestClient, REPO } from './lsp-client.js';

const GROWTH_CSV = fs.readFileSync(path.join(REPO, 'tests/fixtures/cli/actuals/growth.csv'), 'utf8');

describe('opsbook/renderReview with actualsCsv over the protocol', () => {
    let client: LspTestClient;
    let folder: string;
    let uri: string;

    beforeAll(async () => {
        folder = temporaryWorkspace({
            'growth.ops': fs.readFileSync(path.join(REPO, 'examples/growth/growth.ops'), 'utf8'),
            'team.ops': fs.readFileSync(path.join(REPO, 'examples/growth/team.ops'), 'utf8'),
            // The server names the CSV "actuals.csv" in the review: the CLI reads a file of that name.
            'actuals.csv': GROWTH_CSV
        });
        client = LspTestClient.start();
        await client.initialize(folder);
        uri = await client.open(path.join(folder, 'growth.ops'));
    });

    afterAll(async () => {
        await client?.stop();
    });

    test('byte for byte what `opsbook review --actuals` writes', async () => {
        const { markdown } = (await client.connection.sendRequest(RENDER_REVIEW_REQUEST, {
            uri,
            on: '2027-02-07',
            actualsCsv: GROWTH_CSV
        })) as { markdown: string };
        const cli = execFileSync(
            process.execPath,
            [path.join(REPO, 'packages/cli/bin/opsbook.cjs'), 'review', 'growth.ops', '--on', '2027-02-07', '--actuals', 'actuals.csv'],
            { cwd: folder, encoding: 'utf8' }
        );
        expect(markdown).toBe(cli);
        expect(markdown).toContain(
            '| **SEO** (channel) | 6,000 signups → SeedUsers | 2027-01-01 – 2027-03-31 | 42% | 2,533 | 2,300 | -233 (91%) | 🟡 at risk | bob |'
        );
    });

    test('a bad row is an invalid-params reply naming its line', async () => {
        const actualsCsv = 'date,metric,channel,value\n2027-01-10,signups,Facebook,420\n';
        await expect(client.connection.sendRequest(RENDER_REVIEW_REQUEST, { uri, period: '2027-01', actualsCsv })).rejects.toMatchObject({
            code: OpsbookRequestErrors.InvalidParams,
            message:
                "actualsCsv line 2: unknown channel 'Facebook': leave it empty or write one of SEO, WeChatAds, SpringSale, SouthRoadshow"
        });
    });
});
