// Linking and validation loop over util/ast-walk.ts instead of Langium's streams; they must see the same
// nodes in the same order, and the same references, as `streamAst` and `streamReferences` give them.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { type AstNode, AstUtils, EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import type { Document } from '../../packages/language/src/generated/ast.js';
import { createOpsbookServices } from '../../packages/language/src/lsp/index.js';
import { describe, expect, it } from 'vitest';
import { allAstNodes, forEachReference, forgetWalks } from '../../packages/language/src/util/ast-walk.js';
import { OpsbookValidationRegistry } from '../../packages/language/src/validation/opsbook-validation-registry.js';
import { exampleFolders } from '../fuzz/support/mutations.js';
import { parse } from '../helpers.js';

const texts = [
    ...exampleFolders().flatMap(folder => Object.values(folder.files)),
    ...fs
        .readdirSync(path.join(import.meta.dirname, '..', 'grammar'))
        .filter(name => name.endsWith('.ops'))
        .map(name => fs.readFileSync(path.join(import.meta.dirname, '..', 'grammar', name), 'utf8'))
];

describe('the AST walk used by linking and validation', () => {
    it('visits the nodes of streamAst, in its order, and the references of streamReferences', async () => {
        expect(texts.length).toBeGreaterThan(8);
        let references = 0;
        for (const text of texts) {
            const root = (await parse(text)).parseResult.value;
            const nodes = allAstNodes(root);
            expect(nodes.length).toBeGreaterThan(1);
            const streamed = AstUtils.streamAst(root).toArray();
            // The very same objects, position by position.
            expect(nodes.length).toBe(streamed.length);
            expect(nodes.every((node, i) => node === streamed[i])).toBe(true);
            for (const node of nodes) {
                const ours: string[] = [];
                forEachReference(node, info => ours.push(`${info.property}:${info.index}:${info.reference.$refText}`));
                const theirs = AstUtils.streamReferences(node).toArray();
                expect(ours).toEqual(theirs.map(info => `${info.property}:${info.index}:${info.reference.$refText}`));
                forEachReference(node, info =>
                    expect(theirs.some(other => other.reference === info.reference && other.container === node)).toBe(true)
                );
                references += ours.length;
            }
        }
        expect(references).toBeGreaterThan(100);
    });

    it('keeps one list per tree: a new parse gets its own', async () => {
        const first = (await parse('person ann\n')).parseResult.value;
        const second = (await parse('person ann\nperson bob\n')).parseResult.value;
        expect(allAstNodes(first)).toBe(allAstNodes(first));
        expect(allAstNodes(second).map(node => node.$type)).toEqual(['Document', 'Person', 'Person']);
    });

    it('forgets every list on `forgetWalks`; the list made again holds the same nodes in the same order', async () => {
        const roots = await Promise.all(texts.slice(0, 4).map(async text => (await parse(text)).parseResult.value));
        const kept = roots.map(root => allAstNodes(root));
        forgetWalks();
        roots.forEach((root, r) => {
            const again = allAstNodes(root);
            // Forgotten: a new list, kept in its turn until the next `forgetWalks`.
            expect(again).not.toBe(kept[r]);
            expect(allAstNodes(root)).toBe(again);
            expect(again.length).toBe(kept[r]!.length);
            expect(again.every((node, i) => node === kept[r]![i])).toBe(true);
        });
    });
});

describe('the validation loop', () => {
    it('visits every node once, in order, and honours Langium’s per-node hook (skip a node, skip a subtree)', async () => {
        const { Opsbook } = createOpsbookServices(EmptyFileSystem);
        const visited: string[] = [];
        Opsbook.validation.ValidationRegistry.register({ AstNode: (node: AstNode) => void visited.push(node.$type) });
        const validator = Opsbook.validation.DocumentValidator as unknown as {
            validateSingleNodeOptions: (node: AstNode) => { validateNode: boolean; validateChildren: boolean };
        };
        const text = 'metric m count\ngoal G { target 5 m by 2027-01-31 }\nperson ann\n';
        const validate = parseHelper<Document>(Opsbook);

        await validate(text, { validation: true });
        expect(visited).toEqual(['Document', 'Metric', 'Goal', 'Target', 'Quantity', 'DateLiteral', 'Person']);

        visited.length = 0;
        validator.validateSingleNodeOptions = node => ({ validateNode: node.$type !== 'Goal', validateChildren: node.$type !== 'Goal' });
        await validate(text, { validation: true });
        expect(visited).toEqual(['Document', 'Metric', 'Person']);

        visited.length = 0;
        validator.validateSingleNodeOptions = node => ({ validateNode: node.$type !== 'Target', validateChildren: true });
        await validate(text, { validation: true });
        expect(visited).toEqual(['Document', 'Metric', 'Goal', 'Quantity', 'DateLiteral', 'Person']);
    });
});

describe("the validator's checks per node type (OpsbookValidationRegistry)", () => {
    it('lists the same checks as Langium’s getChecks, and a check registered after a validation runs in the next one', async () => {
        const { Opsbook } = createOpsbookServices(EmptyFileSystem);
        const registry = Opsbook.validation.ValidationRegistry as OpsbookValidationRegistry;
        expect(registry).toBeInstanceOf(OpsbookValidationRegistry);
        for (const type of ['Document', 'Goal', 'Quantity']) {
            expect(registry.checksOf(type)).toEqual(registry.getChecks(type).toArray());
            expect(registry.checksOf(type, ['fast'])).toEqual(registry.getChecks(type, ['fast']).toArray());
        }
        const text = 'metric m count\ngoal G { target 5 m by 2027-01-31 }\n';
        const validate = parseHelper<Document>(Opsbook);
        const first = await validate(text, { validation: true });
        expect(first.diagnostics?.map(d => d.code)).not.toContain('late-check');

        const visited: string[] = [];
        registry.register({
            Goal: (node: AstNode, accept) => {
                visited.push(node.$type);
                accept('warning', 'registered late', { node, code: 'late-check' });
            }
        });
        const second = await validate(text, { validation: true });
        expect(visited).toEqual(['Goal']);
        expect(second.diagnostics?.filter(d => d.message === 'registered late')).toHaveLength(1);
    });
});
