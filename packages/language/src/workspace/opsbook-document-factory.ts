import type { AstNode, LangiumDocument, LangiumSharedCoreServices, Mutable } from 'langium';
import { Cancellation, DefaultLangiumDocumentFactory, DocumentState } from 'langium';
import { EditReparser, incrementalParseCounts } from '../parser/incremental-parse.js';

/**
 * Langium's document factory, with one addition for the editor: after an edit of an open document
 * (its text from the editor's TextDocuments), only the top-level elements the edit touched are parsed
 * again when that gives the parse of the whole text (parser/incremental-parse.ts); otherwise, and for
 * every document read from disk (the CLI has no TextDocuments), the whole text is parsed as Langium does.
 * The document builder then unlinks, relinks, indexes and validates the whole document as after any
 * parse, and its analysis is computed again (it is per build).
 */
export class OpsbookDocumentFactory extends DefaultLangiumDocumentFactory {
    /** Off: every edit parses the whole text (for comparisons). */
    incremental = true;
    private readonly reparsers = new WeakMap<object, EditReparser>();

    private readonly sharedServices: LangiumSharedCoreServices;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.sharedServices = services;
    }

    override async update<T extends AstNode = AstNode>(
        document: Mutable<LangiumDocument<T>>,
        cancellationToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None
    ): Promise<LangiumDocument<T>> {
        const textDocument = this.incremental ? this.textDocuments?.get(document.uri.toString()) : undefined;
        const previous = document.parseResult;
        const text = textDocument?.getText();
        const oldText = previous.value.$cstNode?.root.fullText;
        if (textDocument && text !== undefined && oldText !== undefined && text !== oldText && previous.value.$document === document) {
            const reparser = this.reparserFor(document);
            const before = incrementalParseCounts.incremental;
            // A request reading the workspace right now (Langium's immediate reads run beside a build): the old
            // tree stays as it is under it (the incremental re-parse moves its tokens in place), the whole text is parsed.
            const parsed = this.immediateReadsRunning() ? readsRunning() : reparser.reparse(document, previous, text);
            if (tracing()) traceReparse(document, incrementalParseCounts.incremental > before);
            if (parsed) {
                // What Langium's `update` does with an open document's text and a new parse.
                Object.defineProperty(document, 'textDocument', { value: textDocument });
                document.parseResult = parsed as typeof previous;
                (parsed.value as Mutable<AstNode>).$document = document;
                document.state = DocumentState.Parsed;
                return document;
            }
            await super.update(document, cancellationToken);
            reparser.parsedWhole(document, previous, document.parseResult);
            return document;
        }
        return super.update(document, cancellationToken);
    }

    /**
     * Whether the next edit of this open document is likely re-parsed incrementally (only the elements it
     * touches): there is a parse of it without a syntax error to start from, and its last edit was not
     * inside one element too large for it. The update handler's quiet time is short only then.
     */
    likelyIncremental(document: LangiumDocument): boolean {
        if (!this.incremental || !this.textDocuments?.get(document.uri.toString()) || !this.serviceRegistry.hasServices(document.uri))
            return false;
        return this.reparserFor(document).likelyIncremental(document, document.parseResult);
    }

    /** Whether a read of the workspace lock with `ReadPriority.Immediate` (a hover, a definition, a custom request) is running. */
    private immediateReadsRunning(): boolean {
        // Langium's DefaultWorkspaceLock keeps them in `immediateReads` (so that a write starts once they are done).
        const lock = this.sharedServices.workspace.WorkspaceLock as unknown as { immediateReads?: unknown[] };
        return (lock.immediateReads?.length ?? 0) > 0;
    }

    /** One per language's parser (a parser drives one parse at a time; the services own it). */
    private reparserFor(document: LangiumDocument): EditReparser {
        const parser = this.serviceRegistry.getServices(document.uri).parser;
        let reparser = this.reparsers.get(parser.LangiumParser);
        if (!reparser) {
            reparser = new EditReparser(parser.LangiumParser, parser.Lexer);
            this.reparsers.set(parser.LangiumParser, reparser);
        }
        return reparser;
    }
}

/**
 * `OPSBOOK_TRACE_REPARSE=1` in the language server's environment: each re-parse after an edit is logged to
 * stderr (which path, the running counts). For tests over the protocol (tests/protocol/incremental-edit.test.ts).
 */
type Process = { env?: Record<string, string | undefined>; stderr?: { write(text: string): unknown } };

function tracing(): boolean {
    // Read at each edit, not at load: the server starts from a V8 startup snapshot (packages/cli/bin/launch.sh).
    return (globalThis as { process?: Process }).process?.env?.OPSBOOK_TRACE_REPARSE === '1';
}

function traceReparse(document: LangiumDocument, incremental: boolean): void {
    const { incremental: taken, full } = incrementalParseCounts;
    // To stderr itself: the language server sends `console` output to the client as log messages.
    (globalThis as { process?: Process }).process?.stderr?.write(
        `Opsbook: re-parse of ${document.uri.toString()}: ${incremental ? 'incremental' : 'whole text'} (incremental ${taken}, whole text ${full})\n`
    );
}

/** Counted as a parse of the whole text, for the reason that requests were reading the tree. */
function readsRunning(): undefined {
    incrementalParseCounts.full++;
    incrementalParseCounts.why['immediate-reads'] = (incrementalParseCounts.why['immediate-reads'] ?? 0) + 1;
    return undefined;
}
