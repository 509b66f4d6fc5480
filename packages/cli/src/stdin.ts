import type { UnreadableProblem } from './workspace-loader.js';
import { decodeOpsBytes } from './workspace-loader.js';

/** Reads standard input to its end and decodes it as UTF-8 (a BOM is dropped, as for files). */
export async function readStdin(stream: NodeJS.ReadableStream): Promise<{ text: string } | { problem: UnreadableProblem }> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return decodeOpsBytes(Buffer.concat(chunks));
}
