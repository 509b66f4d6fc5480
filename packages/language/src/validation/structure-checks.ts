import type { AstNode, CstNode, LangiumDocument, ValidationAcceptor } from 'langium';
import { AstUtils, GrammarAST, isLeafCstNode } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { Assessment, Document, Element, Import } from '../generated/ast.js';
import { ignoredCopies } from '../analysis/duplicates.js';
import type { OpsbookCoreServices } from '../core-services.js';
import { collectBlockProperties } from '../parser/grammar-properties.js';
import type { ImportResolver } from '../scope/import-resolver.js';
import type { SymbolTables } from '../scope/symbol-table.js';
import { message, render, type Message } from '../i18n/catalogue.js';
import { report } from './report.js';
import type { RuleId } from './rule-catalog.js';
import type { ReportOptions } from './report.js';
import { yieldToRequests } from '../util/yield-to-requests.js';

/** Properties that may appear more than once in their block (SPEC §3 "repeatable"). */
export const REPEATABLE: Record<string, ReadonlySet<string>> = {
    Playbook: new Set(['fx']),
    Goal: new Set(['milestone']),
    Channel: new Set(['delivers']),
    Campaign: new Set(['delivers']),
    Workstream: new Set(['responsible']),
    Assessment: new Set(['kpi']),
    Review: new Set(['every', 'at', 'ask'])
};

/** duplicate-property, duplicate-name, import-unresolved: the structure of one file. */
export class StructureChecks {
    private readonly properties: Map<string, string[]>;
    private readonly leadingWords = new Map<string, Map<string, string>>();
    private readonly symbols: SymbolTables;
    private readonly imports: ImportResolver;
    private readonly services: OpsbookCoreServices;

    constructor(services: OpsbookCoreServices) {
        this.services = services;
        this.properties = collectBlockProperties(services.Grammar);
        this.symbols = services.references.SymbolTables;
        this.imports = services.references.ImportResolver;
    }

    /** Yields to the event loop (and checks for cancellation) now and then: a 5 MB file has 100k elements. */
    async checkDocument(
        root: Document,
        accept: ValidationAcceptor,
        cancelToken: CancellationToken = CancellationToken.None
    ): Promise<void> {
        const document = AstUtils.getDocument(root) as LangiumDocument<Document>;
        const locale = this.services.config.ConfigProvider.messageLocale(document.uri);
        // The same report() as every rule, with the message rendered in the file's message locale.
        const say: Say = (rule, msg, options) =>
            report(accept, rule, render(locale, msg), { ...options, data: { message: msg.key, ...options.data } });
        // The copy of a duplicate name gets `duplicate-name` only (SPEC §3: one error, the one to fix).
        const copies = ignoredCopies(root.elements ?? []);
        const elements = root.elements ?? [];
        for (let i = 0; i < elements.length; i++) {
            if ((i & 1023) === 1023) await yieldToRequests(cancelToken);
            const element = elements[i] as Element;
            if (!copies.has(element)) this.checkDuplicateProperties(element, say);
            if (element.$type === 'Import') this.checkImport(document, element as Import, say);
        }
        this.checkDuplicateNames(document, root, say);
    }

    private checkDuplicateProperties(element: AstNode, accept: Say): void {
        const phrases = this.phrasesByLeadingWord(element.$type);
        if (!phrases || !element.$cstNode) return;
        const repeatable = REPEATABLE[element.$type];
        const seen = new Map<string, CstNode>();
        for (const keyword of propertyKeywordNodes(element.$cstNode)) {
            const word = (keyword.grammarSource as GrammarAST.Keyword).value;
            const phrase = phrases.get(word);
            if (phrase === undefined || repeatable?.has(word)) continue;
            const first = seen.get(word);
            if (first) {
                accept(
                    'duplicate-property',
                    message('duplicateProperty', { phrase, elementType: element.$type, firstLine: first.range.start.line + 1 }),
                    {
                        node: element,
                        range: keyword.range
                    }
                );
            } else {
                seen.set(word, keyword);
            }
        }
    }

    /** A block's property phrases by their first word (`part of` under `part`), once per element type. */
    private phrasesByLeadingWord(type: string): ReadonlyMap<string, string> | undefined {
        let byWord = this.leadingWords.get(type);
        if (!byWord) {
            const phrases = this.properties.get(type);
            if (!phrases) return undefined;
            byWord = new Map();
            for (const phrase of phrases) {
                const word = phrase.split(' ')[0] as string;
                if (!byWord.has(word)) byWord.set(word, phrase);
            }
            this.leadingWords.set(type, byWord);
        }
        return byWord;
    }

    private checkImport(document: LangiumDocument<Document>, node: Import, accept: Say): void {
        const resolution = this.imports.resolve(document, node);
        if (resolution.kind === 'resolved') return;
        const msg =
            resolution.kind === 'missing'
                ? message('importMissing', { path: resolution.path })
                : resolution.kind === 'not-ops'
                  ? message('importNotOps', { path: resolution.path })
                  : message('importOutsideRoot', { path: resolution.path, root: resolution.root });
        accept('import-unresolved', msg, { node, property: 'path' });
    }

    private checkDuplicateNames(document: LangiumDocument<Document>, root: Document, accept: Say): void {
        const own = this.symbols.of(document);
        for (const [name, descriptions] of own.duplicates()) {
            for (let i = 1; i < descriptions.length; i++) {
                const node = descriptions[i].node;
                const first = descriptions[0];
                if (!node) continue;
                accept(
                    'duplicate-name',
                    message('duplicateNameLocal', { name, type: first.type, line: (first.nameSegment?.range.start.line ?? 0) + 1 }),
                    {
                        node,
                        property: 'name' as never
                    }
                );
            }
        }
        // A local name that an imported file also defines, and two imports defining one name.
        const definedIn = new Map<string, string>();
        for (const imported of this.imports.importedDocuments(document)) {
            const file = imported.uri.path.split('/').pop() ?? imported.uri.toString();
            // Looked up only for a clash: finding it scans the imports, and a file may have 10,000 (RELIABILITY.md).
            let importNode: Import | undefined | null = null;
            const theirs = this.symbols.of(imported);
            for (const name of theirs.keys()) {
                const local = own.first(name)?.node;
                if (local) {
                    accept('duplicate-name', message('duplicateNameImported', { name, type: theirs.first(name)?.type ?? '', file }), {
                        node: local,
                        property: 'name' as never
                    });
                } else if (definedIn.has(name) && (importNode ??= this.importNodeFor(root, document, imported))) {
                    accept('duplicate-name', message('duplicateNameTwoImports', { name, first: definedIn.get(name) ?? '', second: file }), {
                        node: importNode,
                        property: 'path'
                    });
                } else {
                    definedIn.set(name, file);
                }
            }
        }
        this.checkDuplicateAssessments(root, accept);
    }

    private checkDuplicateAssessments(root: Document, accept: Say): void {
        const seen = new Map<string, Assessment>();
        for (const element of root.elements ?? []) {
            if (element.$type !== 'Assessment') continue;
            const assessment = element as Assessment;
            const person = assessment.person?.$refText;
            if (!person) continue;
            const first = seen.get(person);
            if (first) {
                accept('duplicate-name', message('duplicateAssessment', { person, line: (first.$cstNode?.range.start.line ?? 0) + 1 }), {
                    node: assessment,
                    property: 'person'
                });
            } else {
                seen.set(person, assessment);
            }
        }
    }

    private importNodeFor(root: Document, document: LangiumDocument<Document>, imported: LangiumDocument): Import | undefined {
        for (const element of root.elements ?? []) {
            if (element.$type !== 'Import') continue;
            const resolution = this.imports.resolve(document, element as Import);
            if (resolution.kind === 'resolved' && resolution.uri.toString() === imported.uri.toString()) return element as Import;
        }
        return undefined;
    }
}

type Say = <N extends AstNode>(rule: RuleId, msg: Message, options: ReportOptions<N>) => void;

/**
 * Keyword leaves of an element's own block: its CST children, descending through composite nodes that
 * belong to the same element (the `Element` rule call wraps it) but never into nested values.
 */
function propertyKeywordNodes(cstNode: CstNode, element: AstNode = cstNode.astNode, result: CstNode[] = []): CstNode[] {
    if (!('content' in cstNode)) return result;
    for (const child of (cstNode as { content: CstNode[] }).content) {
        if (isLeafCstNode(child)) {
            if (GrammarAST.isKeyword(child.grammarSource)) result.push(child);
        } else if (child.astNode === element) {
            propertyKeywordNodes(child, element, result);
        }
    }
    return result;
}
