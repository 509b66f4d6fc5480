// Where Opsbook leans on Langium and chevrotain internals (ARCHITECTURE.md, "Where we lean on Langium
// and chevrotain internals"): each assumption is checked here, so that an upgrade that breaks one fails
// a test instead of silently turning a fast path off or changing what is parsed.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { type IToken, tokenMatcher, type TokenType } from 'chevrotain';
import {
    type AstNode,
    AstUtils,
    CstNodeBuilder,
    CstUtils,
    createLangiumParser,
    DefaultDocumentBuilder,
    DefaultDocumentValidator,
    DefaultIndexManager,
    createDefaultCoreModule,
    createDefaultSharedCoreModule,
    DefaultLinker,
    DefaultReferenceDescriptionProvider,
    DocumentState,
    EmptyFileSystem,
    EmptyFileSystemProvider,
    eagerLoad,
    inject,
    isCompositeCstNode,
    isLeafCstNode,
    isRootCstNode,
    type CstNode,
    type LangiumDocument,
    type LeafCstNode,
    type ReferenceDescription,
    type ReferenceInfo,
    URI,
    ValidationRegistry
} from 'langium';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../packages/cli/src/workspace-loader.js';
import {
    createOpsbookCoreServices,
    type Document,
    OpsbookCoreModule,
    OpsbookGeneratedModule,
    OpsbookGeneratedSharedModule,
    OpsbookLanguageMetaData,
    OpsbookSharedCoreModule,
    prepareCoreServices
} from '../../packages/language/src/index.js';
import type { OpsbookLexer } from '../../packages/language/src/parser/opsbook-lexer.js';
import { COMPLETION_PARSER_CREATED } from '../../packages/language/src/lsp/completion/lazy-completion-parser.js';
import { createOpsbookServices, prepareServices } from '../../packages/language/src/lsp/index.js';
import { TokenLeaf } from '../../packages/language/src/parser/token-leaf.js';
import { IndexReferenceSource, LinkedTreeReferenceSource } from '../../packages/language/src/analysis/reference-source.js';
import { OpsbookNodeFileSystem } from '../../packages/language/src/node/index.js';
import { OpsbookValidationRegistry } from '../../packages/language/src/validation/opsbook-validation-registry.js';
import { ROOT } from './import-graph.js';

const EXAMPLE = path.join(ROOT, 'examples/saas/saas.ops');
const exampleText = fs.readFileSync(EXAMPLE, 'utf8');

let counter = 0;
async function build(text: string, services = createOpsbookCoreServices(EmptyFileSystem)): Promise<LangiumDocument<Document>> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.file(`/internals/${++counter}.ops`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
}

function leaves(document: LangiumDocument): LeafCstNode[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) throw new Error('no CST');
    return CstUtils.streamCst(root).filter(isLeafCstNode).toArray();
}

describe("the parser's private `nodeBuilder` field (parser/opsbook-parser.ts)", () => {
    const { Opsbook } = createOpsbookCoreServices(EmptyFileSystem);
    const parser = Opsbook.parser.LangiumParser as unknown as Record<string, unknown>;

    test('still exists under that name and holds our builder, not a copy Langium ignores', () => {
        // Langium's own parser keeps its builder in that field (we replace it after construction).
        const langiumParser = createLangiumParser(createOpsbookCoreServices(EmptyFileSystem).Opsbook) as unknown as Record<string, unknown>;
        expect(langiumParser.nodeBuilder).toBeInstanceOf(CstNodeBuilder);
        expect((langiumParser.nodeBuilder as object).constructor).toBe(CstNodeBuilder);
        const builder = parser.nodeBuilder as CstNodeBuilder;
        expect(builder).toBeInstanceOf(CstNodeBuilder);
        expect(builder.constructor).not.toBe(CstNodeBuilder);
        // Langium's builder has the two methods ours overrides; a rename would leave ours uncalled.
        for (const method of ['addHiddenNodes', 'createLeafNode', 'buildLeafNode']) {
            expect(typeof (CstNodeBuilder.prototype as unknown as Record<string, unknown>)[method], method).toBe('function');
        }
        expect((builder as unknown as Record<string, unknown>).createLeafNode).not.toBe(
            (CstNodeBuilder.prototype as unknown as Record<string, unknown>).createLeafNode
        );
    });

    test('the fast path is taken: the leaves of a parsed example are the lexer’s tokens themselves', async () => {
        expect((Opsbook.parser.Lexer as OpsbookLexer).usesFastPath).toBe(true);
        const lexed = Opsbook.parser.Lexer.tokenize(exampleText).tokens;
        const document = await build(exampleText);
        const all = leaves(document).filter(leaf => !leaf.hidden);
        expect(all.length).toBe(lexed.length);
        // Every visible leaf is a TokenLeaf (a token of the fast lexer), found at its token's offset.
        expect(all.filter(leaf => !(leaf instanceof TokenLeaf))).toEqual([]);
        const root = document.parseResult.value.$cstNode!;
        for (const token of lexed.slice(0, 200)) {
            const leaf = CstUtils.findLeafNodeAtOffset(root, token.startOffset);
            expect(leaf).toBeInstanceOf(TokenLeaf);
            expect([leaf?.offset, leaf?.text]).toEqual([token.startOffset, token.image]);
        }
    });
});

describe("chevrotain's token vector released after a parse (parser/opsbook-parser.ts)", () => {
    test('`wrapper.input` is emptied once the parse returns; its errors and tokens are still in the result', () => {
        const parser = createOpsbookCoreServices(EmptyFileSystem).Opsbook.parser.LangiumParser;
        const wrapper = (parser as unknown as { wrapper: { input: unknown[] } }).wrapper;
        // Langium's own parser keeps it (the reason for the release): the last parse's tokens.
        const langiumParser = createLangiumParser(createOpsbookCoreServices(EmptyFileSystem).Opsbook);
        langiumParser.parse(exampleText);
        expect((langiumParser as unknown as { wrapper: { input: unknown[] } }).wrapper.input.length).toBeGreaterThan(100);
        const result = parser.parse(`${exampleText}\ngoal {`);
        expect(wrapper.input).toEqual([]);
        expect(result.parserErrors.length).toBeGreaterThan(0);
        expect(result.value.$cstNode?.text.endsWith('\ngoal {')).toBe(true);
    });
});

describe("the parser's `assign` and `current`, wrapped to keep a property's first value (parser/opsbook-parser.ts)", () => {
    test('Langium still assigns through them: a property given twice keeps its first value in the AST', async () => {
        const { Opsbook } = createOpsbookCoreServices(EmptyFileSystem);
        const parser = Opsbook.parser.LangiumParser as unknown as Record<string, unknown>;
        expect(typeof parser.assign).toBe('function');
        expect(Object.hasOwn(parser, 'assign')).toBe(true);
        expect('current' in parser).toBe(true);
        const document = await build('goal G {\n  owner alice\n  owner bob\n}\n');
        const goal = document.parseResult.value.elements?.[0] as unknown as { owner?: { $refText?: string } };
        expect(goal.owner?.$refText).toBe('alice');
    });
});

describe("the parser's `construct`, wrapped to copy a built node's lists to their size (parser/opsbook-parser.ts)", () => {
    test('Langium builds every node through the instance’s `construct`, and the AST holds what Langium’s own parser gives, list by list', () => {
        const services = createOpsbookCoreServices(EmptyFileSystem);
        const parser = services.Opsbook.parser.LangiumParser as unknown as Record<string, unknown>;
        expect(Object.hasOwn(parser, 'construct')).toBe(true);
        // Langium's rule implementations and `subrule` call `this.construct()` (the instance's).
        const proto = Object.getPrototypeOf(parser) as Record<string, unknown>;
        expect(String(proto.startImplementation)).toContain('this.construct()');
        expect(String(proto.subrule)).toContain('this.construct()');
        const ours = services.Opsbook.parser.LangiumParser.parse(exampleText).value;
        const built = new Set<unknown>();
        const construct = parser.construct as () => unknown;
        parser.construct = () => {
            const node = construct();
            if (typeof node === 'object' && node !== null && '$type' in node) built.add(node);
            return node;
        };
        const again = services.Opsbook.parser.LangiumParser.parse(exampleText).value;
        parser.construct = construct;
        const langium = createLangiumParser(createOpsbookCoreServices(EmptyFileSystem).Opsbook).parse(exampleText).value;
        // Every node's lists: same items (by type and text), in order; ours are copies of their size.
        const lists = (root: AstNode) =>
            AstUtils.streamAst(root)
                .toArray()
                .flatMap(node =>
                    Object.entries(node)
                        .filter(([key, value]) => !key.startsWith('$') && Array.isArray(value))
                        .map(
                            ([key, value]) =>
                                `${node.$type}.${key}: ${(value as unknown[]).map(item => (typeof item === 'object' && item !== null && '$type' in item ? (item as AstNode).$type : String((item as { $refText?: string }).$refText ?? item))).join(', ')}`
                        )
                );
        expect(lists(ours)).toEqual(lists(langium));
        expect(lists(ours).length).toBeGreaterThan(40);
        expect(AstUtils.streamAst(again).every(node => built.has(node))).toBe(true);
    });
});

describe('our composite CST node without a range cache (parser/opsbook-parser.ts `CompositeNode`)', () => {
    test("has every field but `_rangeCache` and every getter of Langium's, and the CST agrees node by node with Langium's", () => {
        const services = createOpsbookCoreServices(EmptyFileSystem);
        const ours = services.Opsbook.parser.LangiumParser.parse(exampleText).value.$cstNode!;
        const theirs = createLangiumParser(createOpsbookCoreServices(EmptyFileSystem).Opsbook).parse(exampleText).value.$cstNode!;
        const composites = (root: CstNode) =>
            CstUtils.streamCst(root)
                .filter(node => isCompositeCstNode(node) && node !== root)
                .toArray();
        const [ourFirst] = composites(ours);
        const [theirFirst] = composites(theirs);
        expect(ourFirst!.constructor.name).toBe('CompositeNode');
        expect(theirFirst!.constructor.name).toBe('CompositeCstNodeImpl');
        const fields = Object.keys(theirFirst!).filter(f => f !== '_rangeCache');
        expect(fields.length).toBeGreaterThan(3);
        for (const field of fields) expect(Object.keys(ourFirst!)).toContain(field);
        for (let proto = Object.getPrototypeOf(theirFirst); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto))
            for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto)))
                if (name !== 'constructor' && descriptor.get) expect(name in ourFirst!).toBe(true);
        expect(isRootCstNode(ourFirst)).toBe(false);
        const plain = (node: CstNode) => ({
            offset: node.offset,
            end: node.end,
            length: node.length,
            range: node.range,
            text: node.text,
            hidden: node.hidden,
            grammar: node.grammarSource,
            type: node.astNode.$type,
            property: node.astNode.$containerProperty
        });
        const a = composites(ours);
        const b = composites(theirs);
        expect(a.length).toBe(b.length);
        expect(a.length).toBeGreaterThan(100);
        for (let i = 0; i < a.length; i++) expect(plain(a[i]!)).toEqual(plain(b[i]!));
    });
});

describe('`TokenLeaf` posing as a CST leaf (parser/token-leaf.ts)', () => {
    test('has every property of Langium’s leaf class (LeafCstNodeImpl and its base)', async () => {
        // Langium's own leaf, from a text the fast lexer leaves to chevrotain (a lexing error).
        const langiumLeaf = leaves(await build('metric a "A" count\n§\n', createOpsbookCoreServices(EmptyFileSystem))).find(
            leaf => !(leaf instanceof TokenLeaf)
        );
        expect(langiumLeaf).toBeDefined();
        const names = new Set<string>(Object.keys(langiumLeaf!));
        for (let proto = Object.getPrototypeOf(langiumLeaf); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
            for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
        }
        const publicNames = [...names].filter(name => !name.startsWith('_') && name !== 'constructor').sort();
        expect(publicNames.length).toBeGreaterThan(8);
        const tokenLeaf = leaves(await build(exampleText)).find(leaf => leaf instanceof TokenLeaf)!;
        expect(publicNames.filter(name => !(name in tokenLeaf))).toEqual([]);
    });

    test("passes Langium's isLeafCstNode and CstUtils, with the same positions and AST as Langium's leaves", async () => {
        const document = await build(exampleText);
        const root = document.parseResult.value.$cstNode!;
        // The same text through chevrotain (Langium's own leaves): the two CSTs must agree leaf by leaf.
        const services = createOpsbookCoreServices(EmptyFileSystem);
        const lexer = services.Opsbook.parser.Lexer as OpsbookLexer;
        lexer.tokenize = (text, options) => lexer.tokenizeWithChevrotain(text, options);
        const reference = await build(exampleText, services);
        const ours = leaves(document);
        const theirs = leaves(reference);
        expect(theirs.some(leaf => leaf instanceof TokenLeaf)).toBe(false);
        expect(ours.length).toBe(theirs.length);
        const view = (leaf: LeafCstNode) => ({
            leaf: isLeafCstNode(leaf),
            offset: leaf.offset,
            end: leaf.end,
            text: leaf.text,
            hidden: leaf.hidden,
            type: leaf.tokenType.name,
            range: leaf.range,
            grammar: leaf.grammarSource?.$type,
            astType: leaf.hidden ? undefined : leaf.astNode.$type,
            rootOffset: leaf.root.offset
        });
        expect(ours.map(view)).toEqual(theirs.map(view));
        const leaf = ours.find(l => l instanceof TokenLeaf && !l.hidden)!;
        expect(CstUtils.findLeafNodeAtOffset(root, leaf.offset)).toBe(leaf);
        expect(CstUtils.getNextNode(leaf)).toBeDefined();
        expect(AstUtils.findRootNode(leaf.astNode)).toBe(document.parseResult.value);
    });
});

describe('token categories changed in place (parser/opsbook-token-builder.ts)', () => {
    const { Opsbook } = createOpsbookCoreServices(EmptyFileSystem);
    const tokens = Opsbook.parser.TokenBuilder.buildTokens(Opsbook.Grammar, { caseInsensitive: false }) as TokenType[];
    const byName = (name: string) => tokens.find(token => token.name === name)!;

    test('the lexer and the parser see the changed categories: NAME matches ID and non-reserved keywords, not `by`', () => {
        const lexed = Opsbook.parser.Lexer.tokenize('goal review { }').tokens;
        const [keyword, name] = lexed as [IToken, IToken];
        const NAME = (Opsbook.parser.Lexer as OpsbookLexer).definition.NAME!;
        expect(keyword.tokenType.name).toBe('goal');
        expect(tokenMatcher(name, NAME)).toBe(true);
        expect(tokenMatcher(keyword, NAME)).toBe(true);
        const by = Opsbook.parser.Lexer.tokenize('by').tokens[0]!;
        expect(by.tokenType.name).toBe('by');
        expect(tokenMatcher(by, NAME)).toBe(false);
        expect(byName('NAME').PATTERN).toBe(byName('goal').PATTERN);
    });

    test('a keyword used as a name parses (the parser built its lookahead after the change)', async () => {
        const document = await build('goal review {\n  target 10 signups by 2027-03-31\n}\nmetric signups "Signups" count\n');
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        expect((document.parseResult.value.elements?.[0] as unknown as { name: string } | undefined)?.name).toBe('review');
    });
});

describe("references built by our linker, Langium's fields with the description slot made up front (scope/opsbook-linker.ts)", () => {
    test("the parser builds every reference through `buildReference`; ours have Langium's fields and getters; `unlink` empties the slot and relinking resolves the same targets", async () => {
        const services = createOpsbookCoreServices(EmptyFileSystem);
        const document = await build(exampleText, services);
        const references = document.references as unknown as Record<string, unknown>[];
        expect(references.length).toBeGreaterThan(50);
        for (const reference of references) expect(reference.constructor.name).toBe('OpsbookReference');
        // Its text is its leaf's; a name written with a `^` keeps its own (without the `^`, as Langium's).
        // The source text at the leaf's offsets, not the leaf's own `text` (which the getter reads).
        const source = document.textDocument.getText();
        const written = references.map(reference => {
            const leaf = reference.$refNode as { offset: number; end: number };
            return source.slice(leaf.offset, leaf.end);
        });
        expect(references.map(reference => reference.$refText)).toEqual(written);
        expect(new Set(written).size).toBeGreaterThan(10);
        const escaped = await build('person ^goal\nworkstream W { accountable ^goal }\n', services);
        const [person, workstream] = escaped.parseResult.value.elements as unknown as [unknown, { accountable: Record<string, unknown> }];
        expect(workstream.accountable.constructor.name).toBe('OpsbookReferenceWithText');
        expect([workstream.accountable.$refText, workstream.accountable.ref === person]).toEqual(['goal', true]);
        // Langium's reference: its fields (but the resolver, which ours share through their class) and getters.
        const langium = new DefaultLinker(services.Opsbook).buildReference(
            document.parseResult.value,
            'x',
            undefined,
            'x'
        ) as unknown as Record<string, unknown>;
        const ours = references[0]!;
        const fields = Object.keys(ours);
        // Langium's fields, but the resolver (shared by the class) and the text, holder and property (read from the leaf).
        const derived = ['resolver', '$refText', 'node', 'property'];
        expect(Object.keys(langium)).toEqual(expect.arrayContaining(derived.slice(1)));
        for (const field of Object.keys(langium).filter(f => !derived.includes(f))) expect(fields).toContain(field);
        // The holder and property read from the leaf are those the reference is held by, for every reference.
        let held = 0;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            for (const [property, value] of Object.entries(node)) {
                for (const item of Array.isArray(value) ? value : [value]) {
                    if (!references.includes(item as Record<string, unknown>)) continue;
                    expect([(item as Record<string, unknown>).node, (item as Record<string, unknown>).property]).toEqual([node, property]);
                    held++;
                }
            }
        }
        expect(held).toBe(references.length);
        expect(fields).toContain('_nodeDescription');
        for (const getter of ['ref', '$nodeDescription', 'error'])
            expect(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(langium), getter)?.get).toBeTypeOf('function');
        for (const getter of ['ref', '$nodeDescription', 'error', '$refText', 'node', 'property']) expect(getter in ours).toBe(true);
        // Langium's unlink deletes the slot (a dictionary-mode object after it): ours must not.
        expect(String(DefaultLinker.prototype.unlink)).toContain('delete ref._nodeDescription');
        const targets = references.map(r => r.ref);
        const descriptions = references.map(r => (r.$nodeDescription as { name?: string } | undefined)?.name);
        expect(descriptions.filter(d => d !== undefined).length).toBeGreaterThan(50);
        const linker = services.Opsbook.references.Linker;
        linker.unlink(document);
        expect(document.references).toEqual([]);
        for (const reference of references) {
            expect(Object.keys(reference)).toEqual(fields);
            expect(reference._ref).toBeUndefined();
            expect(reference._nodeDescription).toBeUndefined();
        }
        await linker.link(document);
        expect(references.map(r => r.ref)).toEqual(targets);
        expect(references.map(r => (r.$nodeDescription as { name?: string } | undefined)?.name)).toEqual(descriptions);
        expect(document.references.length).toBe(references.length);
    });
});

describe('the replaced linker and validator loops (scope/opsbook-linker.ts, validation/opsbook-document-validator.ts)', () => {
    test("Langium's builder calls the methods we override, and the hooks our loops call still exist", async () => {
        const services = createOpsbookCoreServices(EmptyFileSystem);
        const calls = { link: 0, validateAstNodes: 0 };
        const linker = services.Opsbook.references.Linker;
        const link = linker.link.bind(linker);
        linker.link = (document, token) => {
            calls.link++;
            return link(document, token);
        };
        const validator = services.Opsbook.validation.DocumentValidator as unknown as {
            validateAstNodes: (...args: unknown[]) => Promise<void>;
        };
        const validate = validator.validateAstNodes.bind(validator);
        validator.validateAstNodes = (...args) => {
            calls.validateAstNodes++;
            return validate(...args);
        };
        await build(exampleText, services);
        expect(calls).toEqual({ link: 1, validateAstNodes: 1 });
        expect(typeof (DefaultLinker.prototype as unknown as Record<string, unknown>).doLink).toBe('function');
        expect(typeof (DefaultDocumentValidator.prototype as unknown as Record<string, unknown>).validateSingleNodeOptions).toBe(
            'function'
        );
    });

    test("our validator loop reports what Langium's loop reports, in the same order", async () => {
        const text = `${exampleText}\ngoal broken {\n  target 10 nothing_here by 2027-03-31\n  owner nobody\n}\n`;
        const ours = await build(text);
        const services = createOpsbookCoreServices(EmptyFileSystem);
        const validator = services.Opsbook.validation.DocumentValidator as unknown as Record<string, unknown>;
        validator.validateAstNodes = (DefaultDocumentValidator.prototype as unknown as Record<string, unknown>).validateAstNodes;
        const linker = services.Opsbook.references.Linker as unknown as Record<string, unknown>;
        linker.link = (DefaultLinker.prototype as unknown as Record<string, unknown>).link;
        const theirs = await build(text, services);
        const view = (document: LangiumDocument) =>
            (document.diagnostics ?? []).map(d => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`);
        expect(view(ours).length).toBeGreaterThan(1);
        expect(view(ours)).toEqual(view(theirs));
    });
});

/** The `.ops` files of examples/org. */
const ORG_FILES = fs
    .readdirSync(path.join(ROOT, 'examples/org'))
    .filter(f => f.endsWith('.ops'))
    .map(f => path.join(ROOT, 'examples/org', f));

/** examples/org built as the editor builds it: Langium's reference index included. */
async function buildOrgWithIndex() {
    const services = createOpsbookCoreServices({ ...OpsbookNodeFileSystem });
    const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = services.shared.workspace;
    for (const file of ORG_FILES)
        LangiumDocuments.addDocument(LangiumDocumentFactory.fromString(fs.readFileSync(file, 'utf8'), URI.file(file)));
    await DocumentBuilder.build(LangiumDocuments.all.toArray(), { validation: true });
    return services;
}

/** Every resolved reference's target in `documents`. */
function referencedTargets(documents: Iterable<LangiumDocument>): AstNode[] {
    const targets = new Set<AstNode>();
    for (const document of documents)
        for (const node of AstUtils.streamAst(document.parseResult.value))
            for (const reference of AstUtils.streamReferences(node)) if (reference.reference.ref) targets.add(reference.reference.ref);
    return [...targets];
}

describe('the checks per node type listed once (validation/opsbook-validation-registry.ts)', () => {
    test('Langium adds checks through `register` only, and our lists equal `getChecks` for every node type', () => {
        const { Opsbook } = createOpsbookServices(EmptyFileSystem);
        const registry = Opsbook.validation.ValidationRegistry as OpsbookValidationRegistry;
        expect(registry).toBeInstanceOf(OpsbookValidationRegistry);
        // Langium's `register` is the only caller of `addEntry` (the lists are forgotten there).
        const prototype = ValidationRegistry.prototype as unknown as Record<string, unknown>;
        const callers = Object.getOwnPropertyNames(prototype).filter(
            name => name !== 'constructor' && typeof prototype[name] === 'function' && String(prototype[name]).includes('this.addEntry(')
        );
        expect(callers).toEqual(['register']);
        const types = [...Opsbook.shared.AstReflection.getAllTypes(), 'AstNode'];
        registry.register({ Goal: () => undefined }, undefined, 'slow');
        for (const type of types) {
            expect(registry.checksOf(type)).toEqual(registry.getChecks(type).toArray());
            expect(registry.checksOf(type, ['fast'])).toEqual(registry.getChecks(type, ['fast']).toArray());
            expect(registry.checksOf(type, ['slow'])).toEqual(registry.getChecks(type, ['slow']).toArray());
        }
        expect(registry.checksOf('Goal', ['slow'])).toHaveLength(1);
    });

    test("the validator's table for one set of categories (`checksFor`) gives `getChecks`, and forgets on `register`", () => {
        const { Opsbook } = createOpsbookServices(EmptyFileSystem);
        const registry = Opsbook.validation.ValidationRegistry as OpsbookValidationRegistry;
        const types = [...Opsbook.shared.AstReflection.getAllTypes(), 'AstNode'];
        const all = registry.checksFor();
        const fast = registry.checksFor(['fast']);
        const none = registry.checksFor([]);
        for (const type of types) {
            expect(all(type)).toEqual(registry.getChecks(type).toArray());
            expect(fast(type)).toEqual(registry.getChecks(type, ['fast']).toArray());
            expect(none(type)).toEqual([]);
        }
        // Asked (and remembered) before the registration, so a table that is not forgotten fails below.
        const before = registry.checksFor(['slow'])('Goal').length;
        registry.register({ Goal: () => undefined }, undefined, 'slow');
        expect(registry.checksFor(['slow'])('Goal')).toHaveLength(before + 1);
        expect(registry.checksFor()('Goal')).toEqual(registry.getChecks('Goal').toArray());
    });
});

describe('`DefaultIndexManager.referenceIndex` read by `OpsbookIndexManager` (packages/language/src/scope/opsbook-index-manager.ts)', () => {
    test('"who refers to this?" from the table by target answers what Langium\'s scan answers, for every reference of examples/org', async () => {
        const { shared, Opsbook } = await buildOrgWithIndex();
        const index = shared.workspace.IndexManager;
        expect(index.constructor.name).toBe('OpsbookIndexManager');
        expect((index as unknown as { referenceIndex?: unknown }).referenceIndex).toBeInstanceOf(Map);
        const locate = (node: AstNode) => Opsbook.workspace.AstNodeLocator.getAstNodePath(node);
        const show = (references: Iterable<{ sourceUri: URI; sourcePath: string }>) =>
            [...references].map(r => `${r.sourceUri.toString()}${r.sourcePath}`);
        let compared = 0;
        for (const target of referencedTargets(shared.workspace.LangiumDocuments.all)) {
            const ours = show(index.findAllReferences(target, locate(target)));
            expect(ours).toEqual(show(DefaultIndexManager.prototype.findAllReferences.call(index, target, locate(target))));
            compared += ours.length;
        }
        expect(compared).toBeGreaterThan(100);
    });
});

describe("Langium's `copyAstNode` with our linker's `buildReference` (scope/opsbook-linker.ts)", () => {
    test("the copy's references are held by the copy: moved into another file, they resolve there", async () => {
        const services = createOpsbookCoreServices(EmptyFileSystem);
        const linker = services.Opsbook.references.Linker;
        const here = await build('person ann "A"\nworkstream W { accountable ann responsible ann 50% }\n', services);
        const there = await build('person ann "B"\n', services);
        type Workstream = AstNode & { accountable: Record<string, unknown>; responsible: { person: Record<string, unknown> }[] };
        const [annHere, workstream] = here.parseResult.value.elements as unknown as [AstNode, Workstream];
        const [annThere] = there.parseResult.value.elements as unknown as [AstNode];
        expect([workstream.accountable.ref, workstream.responsible[0]!.person.ref]).toEqual([annHere, annHere]);
        // Parsed references take the short class (holder and property read from the leaf).
        expect(workstream.accountable.constructor.name).toBe('OpsbookReference');
        const copy = AstUtils.copyAstNode(workstream, (node, property, refNode, refText) =>
            linker.buildReference(node, property, refNode, refText)
        ) as Workstream;
        // The copy put into the other file, in place of nothing: its names are that file's.
        Object.assign(copy, { $container: there.parseResult.value, $containerProperty: 'elements', $containerIndex: 1 });
        const accountable = copy.accountable;
        const person = copy.responsible[0]!.person;
        expect([accountable.node, accountable.property, accountable.$refText]).toEqual([copy, 'accountable', 'ann']);
        expect([person.node, person.property]).toEqual([copy.responsible[0], 'person']);
        expect(accountable.ref).toBe(annThere);
        expect(person.ref).toBe(annThere);
        // The original's are untouched.
        expect([workstream.accountable.ref, workstream.accountable.node]).toEqual([annHere, workstream]);
    });
});

describe('the reference index read on demand (scope/opsbook-reference-description-provider.ts)', () => {
    test("every entry equals Langium's eager one (source, target, paths, segment, local) for every example", async () => {
        const examples = path.join(ROOT, 'examples');
        const folders = fs
            .readdirSync(examples)
            .map(folder => path.join(examples, folder))
            .filter(folder => fs.statSync(folder).isDirectory());
        const loaded = await loadWorkspace(
            folders.flatMap(folder =>
                fs
                    .readdirSync(folder)
                    .filter(f => f.endsWith('.ops'))
                    .map(f => path.join(folder, f))
            ),
            { cwd: ROOT }
        );
        const services = loaded.services;
        const ours = services.workspace.ReferenceDescriptionProvider;
        // The CLI's copy of the class (the built package), not this file's.
        expect(ours.constructor.name).toBe('OpsbookReferenceDescriptionProvider');
        // Langium's provider, its `createInfoDescriptions` the hook ours overrides.
        expect(typeof (DefaultReferenceDescriptionProvider.prototype as unknown as Record<string, unknown>).createInfoDescriptions).toBe(
            'function'
        );
        const langium = new DefaultReferenceDescriptionProvider(services);
        const plain = (d: ReferenceDescription) => ({
            sourceUri: d.sourceUri.toString(),
            sourcePath: d.sourcePath,
            targetUri: d.targetUri.toString(),
            targetPath: d.targetPath,
            segment: { offset: d.segment.offset, end: d.segment.end, length: d.segment.length, range: d.segment.range },
            local: d.local
        });
        let compared = 0;
        for (const document of loaded.shared.workspace.LangiumDocuments.all) {
            const expected = (await langium.createDescriptions(document)).map(plain);
            const actual = await ours.createDescriptions(document);
            expect(actual.map(plain)).toEqual(expected);
            compared += expected.length;
        }
        expect(compared).toBeGreaterThan(100);
    });
});

describe("the reference index read on demand: a container other than the leaf's AST node (scope/opsbook-reference-description-provider.ts)", () => {
    test("local and foreign entries keep that container and otherwise equal Langium's", async () => {
        // No reference of Opsbook's grammar has one (every entry is a `Local` or `Foreign`): the classes kept
        // for one (`LocalIn`, `ForeignIn`) are driven here through the provider's hook with another holder.
        const { shared, Opsbook } = await buildOrgWithIndex();
        const ours = Opsbook.workspace.ReferenceDescriptionProvider as unknown as {
            createInfoDescriptions(info: ReferenceInfo): ReferenceDescription[];
        };
        const langium = new DefaultReferenceDescriptionProvider(Opsbook) as unknown as typeof ours;
        const plain = (d: ReferenceDescription) => ({
            sourceUri: d.sourceUri.toString(),
            sourcePath: d.sourcePath,
            targetUri: d.targetUri.toString(),
            targetPath: d.targetPath,
            segment: { offset: d.segment.offset, end: d.segment.end, range: d.segment.range },
            local: d.local
        });
        const seen = { local: 0, foreign: 0 };
        for (const document of shared.workspace.LangiumDocuments.all) {
            const root = document.parseResult.value;
            for (const node of AstUtils.streamAst(root)) {
                for (const info of AstUtils.streamReferences(node)) {
                    if (!info.reference.ref || node === root) continue;
                    // The same reference said to be held by its node's container.
                    const other = { ...info, container: node.$container! };
                    const entries = ours.createInfoDescriptions(other);
                    expect(entries.map(plain)).toEqual(langium.createInfoDescriptions(other).map(plain));
                    for (const entry of entries) {
                        expect(entry.constructor.name).toBe('WithHolder');
                        expect((entry as unknown as { container: AstNode }).container).toBe(node.$container);
                        seen[entry.local ? 'local' : 'foreign']++;
                    }
                }
            }
        }
        expect(seen.local).toBeGreaterThan(20);
        expect(seen.foreign).toBeGreaterThan(20);
    });
});

describe('The CLI builds no reference index: `IndexManager.updateReferences` replaced, the analysis reads the linked trees (packages/cli/src/workspace-loader.ts, analysis/reference-source.ts)', () => {
    test("the linked trees name the same referring nodes as Langium's reference index, for every target of examples/org", async () => {
        const { shared, Opsbook } = await buildOrgWithIndex();
        const documents = shared.workspace.LangiumDocuments.all.toArray() as LangiumDocument<Document>[];
        const fromIndex = new IndexReferenceSource(Opsbook);
        const fromTrees = new LinkedTreeReferenceSource(() => documents);
        const locate = (node: AstNode) => Opsbook.workspace.AstNodeLocator.getAstNodePath(node);
        const show = (referrers: Iterable<{ document: LangiumDocument; node: AstNode }>) =>
            [...referrers].map(r => `${r.document.uri.toString()}${locate(r.node)}`).sort();
        let compared = 0;
        for (const target of referencedTargets(documents)) {
            const ours = show(fromTrees.referrers(target));
            expect(ours).toEqual(show(fromIndex.referrers(target)));
            compared += ours.length;
        }
        expect(compared).toBeGreaterThan(100);
    });

    test('with `into` (what the CLI passes: the imported files), the same referrers for targets there and none elsewhere', async () => {
        const { shared, Opsbook } = await buildOrgWithIndex();
        const documents = shared.workspace.LangiumDocuments.all.toArray() as LangiumDocument<Document>[];
        const imported = new Set(documents.flatMap(d => Opsbook.references.ImportResolver.importedDocuments(d)));
        expect(imported.size).toBeGreaterThan(0);
        expect(imported.size).toBeLessThan(documents.length);
        const fromIndex = new IndexReferenceSource(Opsbook);
        const fromTrees = new LinkedTreeReferenceSource(
            () => documents,
            document => imported.has(document as LangiumDocument<Document>)
        );
        const locate = (node: AstNode) => Opsbook.workspace.AstNodeLocator.getAstNodePath(node);
        const show = (referrers: Iterable<{ document: LangiumDocument; node: AstNode }>) =>
            [...referrers].map(r => `${r.document.uri.toString()}${locate(r.node)}`).sort();
        let kept = 0;
        let left = 0;
        for (const target of referencedTargets(documents)) {
            const ours = show(fromTrees.referrers(target));
            if (imported.has(AstUtils.getDocument(target) as LangiumDocument<Document>)) {
                expect(ours).toEqual(show(fromIndex.referrers(target)));
                kept += ours.length;
            } else {
                expect(ours).toEqual([]);
                left += show(fromIndex.referrers(target)).length;
            }
        }
        expect(kept).toBeGreaterThan(50);
        expect(left).toBeGreaterThan(20);
    });

    test('loadWorkspace indexes no reference, and the workspace figures still come from the other files (so the check can fail)', async () => {
        expect(typeof DefaultIndexManager.prototype.updateReferences).toBe('function');
        const loaded = await loadWorkspace(ORG_FILES, { cwd: ROOT });
        const index = loaded.shared.workspace.IndexManager as unknown as { referenceIndex: Map<string, unknown[]> };
        expect(index.referenceIndex).toBeInstanceOf(Map);
        expect(index.referenceIndex.size).toBe(0);
        const headquarters = loaded.files.find(file => file.shown.endsWith('总部.ops'))!.document;
        const analysis = loaded.services.analysis.PlaybookAnalyzer.analyze(headquarters);
        const foreign = analysis.goals.flatMap(goal => goal.contributions.filter(c => c.file !== undefined));
        expect(foreign.length).toBeGreaterThan(1);
        const { Opsbook } = await buildOrgWithIndex();
        const withIndex = Opsbook.analysis.PlaybookAnalyzer.analyze(
            Opsbook.shared.workspace.LangiumDocuments.getDocument(headquarters.uri) as LangiumDocument<Document>
        );
        const figures = (a: typeof analysis) =>
            a.goals.map(
                goal => `${goal.name}: ${goal.contributions.map(c => `${c.file ?? ''} ${c.from} ${c.amount.toString()}`).join(', ')}`
            );
        expect(figures(analysis)).toEqual(figures(withIndex));
    });
});

/**
 * The folder of package `name` as Node would find it from `from` (a folder): the first `node_modules`
 * on the way up that has it (both packages are ESM-only, so `require.resolve` cannot be asked).
 */
function packageFolder(from: string, name: string): string {
    for (const modules of createRequire(path.join(from, 'x.js')).resolve.paths(name) ?? []) {
        if (fs.existsSync(path.join(modules, name, 'package.json'))) return fs.realpathSync(path.join(modules, name));
    }
    throw new Error(`${name} is not installed where ${from} can see it`);
}

describe("the parser's internals driven slice by slice (parser/chunked-parser.ts)", () => {
    test('exist with the kinds the parse in slices uses, and parse() still goes through them', () => {
        const { Opsbook } = createOpsbookCoreServices(EmptyFileSystem);
        const parser = Opsbook.parser.LangiumParser as unknown as Record<string, unknown>;
        expect(typeof parser.doParse).toBe('function');
        expect(typeof parser.mainRule).toBe('function');
        expect(parser.unorderedGroups).toBeInstanceOf(Map);
        const wrapper = parser.wrapper as Record<string, unknown>;
        expect(Array.isArray(wrapper.errors)).toBe(true);
        // `input` is chevrotain's accessor: setting it resets the parser's position and errors.
        let setter: unknown;
        for (let proto = Object.getPrototypeOf(wrapper); proto && !setter; proto = Object.getPrototypeOf(proto))
            setter = Object.getOwnPropertyDescriptor(proto, 'input')?.set;
        expect(typeof setter).toBe('function');
        const builder = parser.nodeBuilder as Record<string, unknown>;
        // parse() reads the lexer result from `lexerResult` while it runs (the comments before each token).
        let seen: unknown;
        const doParse = parser.doParse as (rule: unknown) => unknown;
        parser.doParse = function (this: Record<string, unknown>, rule: unknown) {
            seen = this.lexerResult;
            return doParse.call(this, rule);
        };
        try {
            Opsbook.parser.LangiumParser.parse('// a\ngoal A { }\n');
        } finally {
            delete parser.doParse;
        }
        expect((seen as { hidden?: unknown[] } | undefined)?.hidden).toBeInstanceOf(Array);
        expect(Array.isArray(builder.nodeStack)).toBe(true);
        expect(builder.rootNode).toBeDefined();
    });
});

describe('chevrotain pinned beside Langium’s (packages/language/package.json)', () => {
    const language = path.join(ROOT, 'packages/language');
    const langium = packageFolder(language, 'langium');

    test('our chevrotain range is the one Langium depends on, and both resolve to the same installed copy', () => {
        const ours = JSON.parse(fs.readFileSync(path.join(ROOT, 'packages/language/package.json'), 'utf8')) as {
            dependencies: Record<string, string>;
        };
        const theirs = JSON.parse(fs.readFileSync(path.join(langium, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
        expect(ours.dependencies.chevrotain).toBe(theirs.dependencies.chevrotain);
        // One copy: `Lexer.NA` and the token types we change are the objects Langium's lexer and parser use.
        expect(packageFolder(language, 'chevrotain')).toBe(packageFolder(langium, 'chevrotain'));
    });
});

describe('production mode (langium-config.json): chevrotain’s checks of the grammar run here, not at every start', () => {
    test('the generated metadata says production, so the lexer and parser skip their self-checks at run time', () => {
        expect(OpsbookLanguageMetaData.mode).toBe('production');
    });

    test('built with every check on (development mode), the lexer and parser report no problem', () => {
        const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), OpsbookGeneratedSharedModule, OpsbookSharedCoreModule);
        const Opsbook = inject(createDefaultCoreModule({ shared }), OpsbookGeneratedModule, OpsbookCoreModule, {
            LanguageMetaData: () => ({ ...OpsbookLanguageMetaData, mode: 'development' as const })
        });
        const reported: unknown[][] = [];
        const originals = { log: console.log, warn: console.warn, error: console.error };
        for (const method of ['log', 'warn', 'error'] as const) console[method] = (...args: unknown[]) => void reported.push(args);
        try {
            // chevrotain throws on an invalid lexer or grammar and logs ambiguities; both would show here.
            expect(Opsbook.parser.LangiumParser.parse(exampleText).parserErrors).toEqual([]);
        } finally {
            Object.assign(console, originals);
        }
        expect(reported).toEqual([]);
    });
});

describe('the completion parser, created on the first completion (lsp/completion/lazy-completion-parser.ts)', () => {
    test('Langium’s eager loading of every service does not create it; the first completion does, and completes', async () => {
        const { shared, Opsbook } = createOpsbookServices(EmptyFileSystem);
        eagerLoad(shared);
        eagerLoad(Opsbook);
        const parser = Opsbook.parser.CompletionParser as unknown as Record<symbol, unknown>;
        expect(parser[COMPLETION_PARSER_CREATED]).toBe(false);
        const document = shared.workspace.LangiumDocumentFactory.fromString<Document>(
            'person alice\ngoal G { owner  }\n',
            URI.file('/internals/completion.ops')
        );
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const list = await Opsbook.lsp.CompletionProvider?.getCompletion(document, {
            textDocument: { uri: document.uri.toString() },
            position: { line: 1, character: 15 }
        });
        expect(parser[COMPLETION_PARSER_CREATED]).toBe(true);
        expect(list?.items.map(item => item.label)).toContain('alice');
    });
});

describe('dependants kept across an edit that changes no exported name or figure (workspace/opsbook-document-builder.ts)', () => {
    test('a document reset to Changed keeps its parse until it is parsed again (its fingerprint before the edit is read then)', async () => {
        const services = createOpsbookCoreServices(EmptyFileSystem);
        const document = await build('person alice\n', services);
        const root = document.parseResult.value;
        services.shared.workspace.DocumentBuilder.resetToState(document, DocumentState.Changed);
        expect(document.parseResult.value).toBe(root);
    });

    test('a linked reference keeps its target in `_ref` and its description in `_nodeDescription`, and `ref` reads `_ref`', async () => {
        const services = createOpsbookCoreServices(EmptyFileSystem);
        const document = await build('person alice\nperson bob\nworkstream W { accountable alice }\n', services);
        const reference = document.references[0] as unknown as { _ref: unknown; _nodeDescription: unknown; ref: unknown };
        const [alice, bob] = document.parseResult.value.elements;
        expect(reference._ref).toBe(alice);
        expect((reference._nodeDescription as { name?: string }).name).toBe('alice');
        reference._ref = bob;
        expect(reference.ref).toBe(bob);
    });

    test('Langium’s builder parses (Parsed) and indexes (IndexedContent) before anything else, and skips a phase a document is past', () => {
        const source = fs.readFileSync(
            path.join(packageFolder(path.join(ROOT, 'packages/language'), 'langium'), 'lib/workspace/document-builder.js'),
            'utf8'
        );
        const body = source.slice(source.indexOf('async buildDocuments('), source.indexOf('markAsCompleted(document) {'));
        expect(body.indexOf('DocumentState.Parsed')).toBeLessThan(body.indexOf('DocumentState.IndexedContent'));
        expect(body.indexOf('DocumentState.IndexedContent')).toBeLessThan(body.indexOf('DocumentState.ComputedScopes'));
        expect(source).toContain('if (document.state < targetState) {');
    });
});

describe('service sets made ahead for the startup snapshots (opsbook-module.ts prepareCoreServices, lsp/lsp-services.ts prepareServices)', () => {
    test("Langium's shared LSP module reads the connection from its context when a service first asks for it, and building the lexer and parser asks for none", () => {
        let reads = 0;
        let connection: unknown;
        const context = {
            ...EmptyFileSystem,
            get connection() {
                reads++;
                return connection as never;
            }
        };
        const shared = inject(createDefaultSharedModule(context), OpsbookGeneratedSharedModule, OpsbookSharedCoreModule);
        const Opsbook = inject(createDefaultModule({ shared }), OpsbookGeneratedModule, OpsbookCoreModule);
        void Opsbook.parser.Lexer;
        void Opsbook.parser.LangiumParser;
        expect(reads).toBe(0);
        connection = { late: true };
        expect(shared.lsp.Connection).toBe(connection);
        expect(reads).toBe(1);
    });

    test('the server set made ahead is taken once, by the next set, and gets its connection and file system then', () => {
        const ahead = prepareServices();
        const connection = { late: true } as never;
        const fileSystem = EmptyFileSystem.fileSystemProvider();
        const taken = createOpsbookServices({ connection, fileSystemProvider: () => fileSystem });
        expect(taken.Opsbook).toBe(ahead.Opsbook);
        expect(taken.shared.lsp.Connection).toBe(connection);
        // The file system stands for the caller's: its class, its methods, what it answers.
        const provider = taken.shared.workspace.FileSystemProvider;
        expect(provider).toBeInstanceOf(EmptyFileSystemProvider);
        expect(provider.existsSync(URI.file('/nothing'))).toBe(false);
        expect(provider.readDirectorySync(URI.file('/'))).toEqual([]);
        // Registered as a fresh set is: the language and its checks.
        expect(taken.shared.ServiceRegistry.all).toContain(taken.Opsbook);
        expect(createOpsbookServices({ connection, ...EmptyFileSystem }).Opsbook).not.toBe(ahead.Opsbook);
    });

    test('the core set made ahead is taken once, reads through the file system of the set that took it, and checks a playbook as a fresh set does', async () => {
        const ahead = prepareCoreServices();
        // Asked for before it is taken, the file system fails loudly (the snapshot's build would).
        expect(() => ahead.shared.workspace.FileSystemProvider.existsSync(URI.file('/x'))).toThrow('before it was taken');
        const read: string[] = [];
        class Recording extends EmptyFileSystemProvider {
            override existsSync(uri: URI): boolean {
                read.push(uri.path);
                return false;
            }
            realPathSync(uri: URI): URI {
                return uri;
            }
        }
        const taken = createOpsbookCoreServices({ fileSystemProvider: () => new Recording() });
        expect(taken.Opsbook).toBe(ahead.Opsbook);
        const provider = taken.shared.workspace.FileSystemProvider;
        expect(provider).toBeInstanceOf(Recording);
        expect('realPathSync' in provider).toBe(true);
        provider.existsSync(URI.file('/asked'));
        expect(read).toEqual(['/asked']);
        expect(createOpsbookCoreServices(EmptyFileSystem).Opsbook).not.toBe(ahead.Opsbook);
        const text = 'person alice capacity 100%\ngoal G { owner bob }\n';
        const diagnostics = (document: LangiumDocument) =>
            (document.diagnostics ?? []).map(({ message, range, severity }) => ({ message, range, severity }));
        const fresh = await build(text, createOpsbookCoreServices(EmptyFileSystem));
        const fromAhead = await build(text, taken);
        expect(diagnostics(fromAhead)).toEqual(diagnostics(fresh));
        expect(diagnostics(fresh).length).toBeGreaterThan(0);
    });

    test("the CLI's first service set is the one made ahead (what its snapshot holds), on the CLI's own file system", async () => {
        // The package as the CLI imports it (its built module), not these sources.
        const { prepareCoreServices: prepareForCli } = await import('opsbook-language');
        const ahead = prepareForCli();
        const loaded = await loadWorkspace([EXAMPLE], { cwd: ROOT });
        expect(loaded.services).toBe(ahead.Opsbook);
        expect(loaded.files[0]?.document.parseResult.lexerErrors).toEqual([]);
        expect(loaded.shared.workspace.FileSystemProvider.existsSync(URI.file(EXAMPLE))).toBe(true);
    });
});

// `OpsbookDocumentBuilder.resultsAreIncomplete` reads Langium's protected `buildState` (`completed`,
// `options`) to skip `findMissingValidationCategories` after the editor's builds (all `{ validation: true }`);
// `shouldRelink` is a copy of Langium's body (a linking error, or `isAffected`) with our additions.
describe("the builder's `buildState` read and `shouldRelink` copied (workspace/opsbook-document-builder.ts)", () => {
    const proto = DefaultDocumentBuilder.prototype as unknown as Record<string, { toString(): string }>;
    const body = (name: string) =>
        String(proto[name])
            .replace(/\/\/[^\n]*/g, '')
            .replace(/\s+/g, ' ');

    test("Langium's `shouldRelink` is still a linking error or `isAffected`, the test ours copies", () => {
        expect(body('shouldRelink')).toBe(
            'shouldRelink(document, changedUris) { if (document.references.some(ref => ref.error !== undefined)) { return true; } return this.indexManager.isAffected(document, changedUris); }'
        );
    });

    test("Langium's `resultsAreIncomplete` and `findMissingValidationCategories`: a completed build without a record of its categories ran them all, and `{ validation: true }` asks for all", () => {
        expect(body('resultsAreIncomplete')).toBe(
            'resultsAreIncomplete(document, options) { return this.findMissingValidationCategories(document, options).length >= 1; }'
        );
        expect(body('findMissingValidationCategories')).toBe(
            [
                'findMissingValidationCategories(document, options) {',
                'const state = this.buildState.get(document.uri.toString());',
                'const allCategories = this.serviceRegistry.getServices(document.uri).validation.ValidationRegistry.getAllValidationCategories(document);',
                'const executedCategories = state?.result?.validationChecks ? new Set(state?.result?.validationChecks) : state?.completed ? allCategories : new Set();',
                "const requestedCategories = (options === undefined || options.validation === true) ? allCategories : typeof options.validation === 'object' ? (options.validation.categories ?? allCategories) : [];",
                'return stream(requestedCategories).filter(requested => !executedCategories.has(requested)).toArray();',
                '}'
            ].join(' ')
        );
        // `completed` is set only by `markAsCompleted`, after `validate`, which runs the missing categories
        // and records them; `prepareBuild` stores the build's options (ours reads `options.validation`).
        expect(body('markAsCompleted')).toBe(
            'markAsCompleted(document) { const state = this.buildState.get(document.uri.toString()); if (state) { state.completed = true; } }'
        );
        expect(body('validate')).toContain('validationOptions.categories = this.findMissingValidationCategories(document, options);');
        expect(body('validate')).toContain('state.result.validationChecks = [...validationOptions.categories];');
        expect(body('prepareBuild')).toContain('this.buildState.set(key, { completed: false, options, result: state?.result });');
    });

    test('after a build with every category the shortcut and Langium agree: nothing is missing', async () => {
        const services = createOpsbookCoreServices(EmptyFileSystem);
        const document = await build('person alice\nworkstream W { accountable bob }\n', services);
        const builder = services.shared.workspace.DocumentBuilder as unknown as {
            buildState: Map<string, { completed: boolean; options?: { validation?: unknown } }>;
            resultsAreIncomplete(d: LangiumDocument, o: unknown): boolean;
            findMissingValidationCategories(d: LangiumDocument, o: unknown): string[];
        };
        const state = builder.buildState.get(document.uri.toString());
        expect(state?.completed).toBe(true);
        expect(state?.options?.validation).toBe(true);
        expect(builder.findMissingValidationCategories(document, { validation: true })).toEqual([]);
        expect(builder.resultsAreIncomplete(document, { validation: true })).toBe(false);
    });

    const PARTLY = 'person alice\nworkstream W { accountable bob }\ngoal G { }\n';

    async function partlyValidated(text: string) {
        const services = createOpsbookCoreServices(EmptyFileSystem);
        const full = (await build(text, services)).diagnostics ?? [];
        const { shared } = services;
        const document = shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.file(`/internals/${++counter}.ops`));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: { categories: ['built-in'] } });
        const partial = [...(document.diagnostics ?? [])];
        return { services, document, full, partial };
    }
    const shape = (diagnostics: readonly { message: string; range: unknown; code?: unknown }[]) =>
        diagnostics.map(d => `${JSON.stringify(d.range)} ${String(d.code)} ${d.message}`).sort();

    test('a build with some categories, then a full build, gives the full diagnostics', async () => {
        const { services, document, full, partial } = await partlyValidated(PARTLY);
        expect(partial.length).toBeGreaterThan(0); // the unresolved `bob`
        expect(partial.length).toBeLessThan(full.length);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(shape(document.diagnostics ?? [])).toEqual(shape(full));
    });

    test('a document built with some categories is not taken for complete by the shortcut: the next `{ validation: true }` build validates the rest', async () => {
        // No linking error (which would relink the document anyway): only the missing categories bring it back.
        const { services, document, full, partial } = await partlyValidated('person alice\ngoal G { }\n');
        expect(partial).toEqual([]);
        expect(full.map(d => d.code)).toEqual(['goal-unplanned', 'owner-missing']);
        const builder = services.shared.workspace.DocumentBuilder as unknown as {
            resultsAreIncomplete(d: LangiumDocument, o: unknown): boolean;
            findMissingValidationCategories(d: LangiumDocument, o: unknown): string[];
        };
        expect(builder.findMissingValidationCategories(document, { validation: true })).toEqual(['fast', 'slow']);
        expect(builder.resultsAreIncomplete(document, { validation: true })).toBe(true);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(shape(document.diagnostics ?? [])).toEqual(shape(full));
        expect(builder.resultsAreIncomplete(document, { validation: true })).toBe(false);
    });
});
