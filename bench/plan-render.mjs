// The plan's rendering alone, in process: the 10k-line playbook built and analysed once, then
// `renderPlan` (what `opsbook/renderPlan` answers with after its build) timed N times, CPU time per
// render. For the live preview's part after the build (issue 19); `--cpu-prof` it to see where it goes.
//
//   npm run build && node bench/plan-render.mjs [--runs=20] [--locale=zh-CN] [--format=html]
import 'opsbook-language/polyfill';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookCoreServices, usecases } from 'opsbook-language';

const { loadCheckedPlaybook, renderPlan } = usecases;
import { singlePlaybook } from './generate.mjs';

const args = process.argv.slice(2);
const option = name => args.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const runs = Number(option('runs') ?? 20);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-plan-render-'));
try {
    fs.writeFileSync(path.join(folder, 'opsbook.json'), '{}\n');
    const file = path.join(folder, 'playbook.ops');
    fs.writeFileSync(file, singlePlaybook(10_000));
    const services = createOpsbookCoreServices({ ...NodeFileSystem });
    const uri = URI.file(file);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(file, 'utf8'), uri);
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const load = loadCheckedPlaybook(services.Opsbook, document);
    if (!load.ok) throw new Error(`the generated playbook does not check: ${JSON.stringify(load.refusal).slice(0, 300)}`);
    const options = {
        ...(option('locale') ? { locale: option('locale') } : {}),
        ...(option('format') ? { format: option('format') } : {})
    };
    const times = [];
    let bytes = 0;
    for (let i = 0; i < runs + 3; i++) {
        const before = process.cpuUsage();
        const text = renderPlan(load.playbook, options);
        const used = process.cpuUsage(before);
        if (i >= 3) times.push((used.user + used.system) / 1000);
        bytes = text.length;
    }
    times.sort((a, b) => a - b);
    console.log(
        JSON.stringify({ runs, medianCpuMs: times[Math.floor(times.length / 2)], minCpuMs: times[0], maxCpuMs: times.at(-1), chars: bytes })
    );
} finally {
    fs.rmSync(folder, { recursive: true, force: true });
}
