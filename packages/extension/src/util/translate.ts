// The extension's words go through `vscode.l10n.t` (bundles in l10n/, `package.nls.*.json` for the
// manifest). Modules that the unit tests run in Node take the function as a parameter; `english` is the
// same substitution without a bundle.

/** `vscode.l10n.t`'s shape: the English text with `{0}`, `{1}`… for the arguments. */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

export const english: Translate = (message, ...args) =>
    message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
