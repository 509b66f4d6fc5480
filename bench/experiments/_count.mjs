import 'opsbook-language/polyfill';
import * as fs from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { createOpsbookCoreServices } from 'opsbook-language';
const { Opsbook } = createOpsbookCoreServices(EmptyFileSystem);
const text = fs.readFileSync(process.argv[2], 'utf8');
const r = Opsbook.parser.LangiumParser.parse(text);
let nodes = 0,
    emptyArrays = 0,
    arrays = 0,
    composites = 0,
    single = 0,
    leaves = 0,
    props = 0;
const stack = [r.value];
while (stack.length) {
    const n = stack.pop();
    nodes++;
    for (const k in n) {
        if (k[0] === '$') continue;
        props++;
        const v = n[k];
        if (Array.isArray(v)) {
            arrays++;
            if (v.length === 0) emptyArrays++;
            for (const e of v) if (e && typeof e === 'object' && typeof e.$type === 'string') stack.push(e);
        } else if (v && typeof v === 'object' && typeof v.$type === 'string') stack.push(v);
    }
}
const cst = [r.value.$cstNode];
while (cst.length) {
    const c = cst.pop();
    if (c.content) {
        composites++;
        if (c.content.length === 1) single++;
        for (const x of c.content) cst.push(x);
    } else leaves++;
}
console.log({ nodes, props, arrays, emptyArrays, composites, singleChildComposites: single, leaves });
