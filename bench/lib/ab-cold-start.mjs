// One cold start of the language server of the checkout in the working directory (bench/protocol.mjs
// resolves the server against it), printed as JSON. Run by bench/ab.mjs once per sample.
import { coldStart } from '../protocol.mjs';

const [folder, file] = process.argv.slice(2);
const result = await coldStart(folder, file);
process.stdout.write(`${JSON.stringify(result)}\n`);
