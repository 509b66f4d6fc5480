import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';

/** One token type per element kind, so that a goal reads differently from a person wherever it appears. */
const ELEMENT_TOKENS: Record<string, string> = {
    Playbook: SemanticTokenTypes.namespace,
    Strategy: SemanticTokenTypes.namespace,
    Metric: SemanticTokenTypes.property,
    Funnel: SemanticTokenTypes.enum,
    Goal: SemanticTokenTypes.class,
    Channel: SemanticTokenTypes.interface,
    Campaign: SemanticTokenTypes.event,
    Workstream: SemanticTokenTypes.struct,
    Person: SemanticTokenTypes.variable,
    Team: SemanticTokenTypes.type,
    Forecast: SemanticTokenTypes.macro,
    Review: SemanticTokenTypes.function
};

/** Properties whose word is one of a fixed list (stage, focus, kind ...): shown as enum members. */
const ENUMERATED = ['stage', 'focus', 'kind', 'type', 'binding', 'every', 'weekday', 'per', 'locale'];

/** Properties holding a currency code. */
const CURRENCIES: Record<string, string[]> = {
    Playbook: ['currency'],
    FxRate: ['from', 'to'],
    Money: ['currency'],
    Amount: ['currency'],
    Quantity: ['currency']
};

/**
 * Semantic tokens: declarations and references coloured by what they name (a name spelt like a keyword,
 * `person lead`, reads as a person, not a keyword), enumerated words, currencies and numbers.
 */
export class OpsbookSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const own = ELEMENT_TOKENS[node.$type];
        if (own && typeof (node as { name?: unknown }).name === 'string') {
            acceptor({ node, property: 'name' as never, type: own, modifier: SemanticTokenModifiers.declaration });
        }
        for (const info of AstUtils.streamReferences(node)) {
            const reference = info.reference;
            const refNode = reference.$refNode;
            const target = 'ref' in reference ? reference.ref?.$type : undefined;
            const type = target ? ELEMENT_TOKENS[target] : undefined;
            if (refNode && type) acceptor({ cst: refNode, type });
        }
        for (const property of ENUMERATED) {
            if (typeof (node as unknown as Record<string, unknown>)[property] === 'string') {
                acceptor({ node, property: property as never, type: SemanticTokenTypes.enumMember });
            }
        }
        for (const property of CURRENCIES[node.$type] ?? []) {
            if ((node as unknown as Record<string, unknown>)[property])
                acceptor({ node, property: property as never, type: SemanticTokenTypes.type });
        }
    }
}
