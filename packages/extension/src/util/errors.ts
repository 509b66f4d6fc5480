/** One line for a person: the message of an Error or a JSON-RPC ResponseError, else the value. */
export function describeError(error: unknown): string {
    if (error instanceof Error) return error.message;
    if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
    return String(error);
}
