import type { AstNode, CstNode, LangiumDocument, ValidationAcceptor } from 'langium';
import { AstUtils, GrammarAST, isLeafCstNode } from 'langium';
import type { Assessment, Document, Import } from '../generated/ast.js';
import type { OpsbookServices } from '../opsbook-module.js';
import { collectBlockProperties } from '../parser/grammar-properties.js';
import type { ImportResolver } from '../scope/import-resolver.js';
import type { SymbolTables } from '../scope/symbol-table.js';
import { describeElementType } from '../util/element-words.js';
import { report } from './report.js';

/** Properties that may appear more than once in their block (SPEC §3 "repeatable"). */
export const REPEATABLE: Record<string, ReadonlySet<string>> = {
    Playbook: new Set(['fx']),
    Channel: new Set(['delivers']),
    Campaign: new Set(['delivers']),
    Workstream: new Set(['responsible']),
    Assessment: new Set(['kpi']),
    Review: new Set(['every', 'at', 'ask'])
};

/** duplicate-property, duplicate-name, import-unresolved: the structure of one file. */
export class StructureChecks {
    private readonly properties: Map<string, string[]>;
    private readonly symbols: SymbolTables;
    private readonly imports: ImportResolver;

    constructor(services: OpsbookServices) {
        this.properties = collectBlockProperties(services.Grammar);
        this.symbols = services.references.SymbolTables;
        this.imports = services.references.ImportResolver;
    }

    checkDocument(root: Document, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(root) as LangiumDocument<Document>;
        for (const element of root.elements ?? []) {
            this.checkDuplicateProperties(element, accept);
            if (element.$type === 'Import') this.checkImport(document, element as Import, accept);
        }
        this.checkDuplicateNames(document, root, accept);
    }

    private checkDuplicateProperties(element: AstNode, accept: ValidationAcceptor): void {
        const phrases = this.properties.get(element.$type);
        if (!phrases || !element.$cstNode) return;
        const leading = new Set(phrases.map(phrase => phrase.split(' ')[0]));
        const repeatable = REPEATABLE[element.$type] ?? new Set<string>();
        const seen = new Map<string, CstNode>();
        for (const keyword of propertyKeywordNodes(element.$cstNode)) {
            const word = keyword.text;
            if (!leading.has(word) || repeatable.has(word)) continue;
            const first = seen.get(word);
            if (first) {
                const phrase = phrases.find(p => p.split(' ')[0] === word) ?? word;
                report(accept, 'duplicate-property', `'${phrase}' appears twice in ${describeElementType(element.$type)} (first at line ${first.range.start.line + 1}): keep one`, {
                    node: element,
                    range: keyword.range
                });
            } else {
                seen.set(word, keyword);
            }
        }
    }

    private checkImport(document: LangiumDocument<Document>, node: Import, accept: ValidationAcceptor): void {
        const resolution = this.imports.resolve(document, node);
        if (resolution.kind === 'resolved') return;
        const message = resolution.kind === 'missing'
            ? `cannot import "${resolution.path}": no such file next to this one`
            : resolution.kind === 'not-ops'
                ? `cannot import "${resolution.path}": only .ops files can be imported`
                : `cannot import "${resolution.path}": it lies outside the workspace root ${resolution.root}`;
        report(accept, 'import-unresolved', message, { node, property: 'path' });
    }

    private checkDuplicateNames(document: LangiumDocument<Document>, root: Document, accept: ValidationAcceptor): void {
        const own = this.symbols.of(document);
        for (const [name, descriptions] of own) {
            for (let i = 1; i < descriptions.length; i++) {
                const node = descriptions[i].node;
                const first = descriptions[0];
                if (!node) continue;
                report(accept, 'duplicate-name', `'${name}' is already defined as ${describeElementType(first.type)} at line ${(first.nameSegment?.range.start.line ?? 0) + 1}: each name may be used once in a file and its imports`, {
                    node,
                    property: 'name' as never
                });
            }
        }
        // A local name that an imported file also defines, and two imports defining one name.
        const definedIn = new Map<string, string>();
        for (const imported of this.imports.importedDocuments(document)) {
            const file = imported.uri.path.split('/').pop() ?? imported.uri.toString();
            const importNode = this.importNodeFor(root, document, imported);
            for (const [name, descriptions] of this.symbols.of(imported)) {
                const local = own.get(name);
                if (local && local[0].node) {
                    report(accept, 'duplicate-name', `'${name}' is also defined as ${describeElementType(descriptions[0].type)} in ${file}, which this file imports: rename one of them`, {
                        node: local[0].node,
                        property: 'name' as never
                    });
                } else if (definedIn.has(name) && importNode) {
                    report(accept, 'duplicate-name', `'${name}' is defined in both ${definedIn.get(name)} and ${file}: a file may import each name once`, {
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

    private checkDuplicateAssessments(root: Document, accept: ValidationAcceptor): void {
        const seen = new Map<string, Assessment>();
        for (const element of root.elements ?? []) {
            if (element.$type !== 'Assessment') continue;
            const assessment = element as Assessment;
            const person = assessment.person?.$refText;
            if (!person) continue;
            const first = seen.get(person);
            if (first) {
                report(accept, 'duplicate-name', `${person} already has an assessment at line ${(first.$cstNode?.range.start.line ?? 0) + 1}: put all of a person's KPIs in one`, {
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

/** Keyword leaves that are direct children of an element's block (not inside nested rules). */
function propertyKeywordNodes(cstNode: CstNode): CstNode[] {
    const result: CstNode[] = [];
    if (!('content' in cstNode)) return result;
    for (const child of (cstNode as { content: CstNode[] }).content) {
        if (isLeafCstNode(child) && GrammarAST.isKeyword(child.grammarSource)) result.push(child);
    }
    return result;
}
