// Experiment (issue 19, round three): could `opsbook check` of many files parse them in worker threads?
// An AST cannot be handed from a worker to the main thread as is (no shared heap): it has to be copied
// (structured clone) and its links ($container, references, the CST) made again on the main thread.
// This measures the best case of that, without the CST and with references as plain objects, against
// parsing on the main thread:
//
//   npm run build && node bench/experiments/worker-parse.mjs FOLDER [--workers=2]
//
// 1. main thread: lex and parse every .ops file of FOLDER (CPU time);
// 2. N workers lex and parse them, turn each AST into plain data (no CST, no $container, references as
//    their text) and post it; once they are done the main thread receives every message and relinks the
//    containers (CPU time of the main thread alone, since the workers have ended) — what the main thread
//    would still pay, before the CST it would also need (diagnostic ranges, formatting, duplicate-property).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const out = path.resolve(import.meta.dirname, '../../packages/language/out');
const { createOpsbookCoreServices } = await import(path.join(out, 'index.js'));
const { EmptyFileSystem, isReference } = await import('langium');

const cpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
};

/** The AST as plain data: properties only, a reference as its text. */
function toPlain(node) {
    const plain = {};
    for (const key in node) {
        if (key.charCodeAt(0) === 36 && key !== '$type') continue;
        const value = node[key];
        if (Array.isArray(value)) plain[key] = value.map(item => convert(item));
        else plain[key] = convert(value);
    }
    return plain;
}
function convert(value) {
    if (isReference(value)) return { $refText: value.$refText };
    if (value && typeof value === 'object' && typeof value.$type === 'string') return toPlain(value);
    return value;
}
/** Links the containers again, as Langium's parser leaves them. */
function relink(node, container, property, index) {
    if (container) {
        node.$container = container;
        node.$containerProperty = property;
        if (index !== undefined) node.$containerIndex = index;
    }
    for (const key in node) {
        if (key.charCodeAt(0) === 36) continue;
        const value = node[key];
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++)
                if (value[i] && typeof value[i] === 'object' && value[i].$type) relink(value[i], node, key, i);
        } else if (value && typeof value === 'object' && value.$type) relink(value, node, key);
    }
}

if (!isMainThread) {
    const { files, port } = workerData;
    const { Opsbook } = createOpsbookCoreServices(EmptyFileSystem);
    for (const file of files) {
        const result = Opsbook.parser.LangiumParser.parse(fs.readFileSync(file, 'utf8'));
        port.postMessage({ file, ast: toPlain(result.value), errors: result.lexerErrors.length + result.parserErrors.length });
    }
    parentPort.postMessage('done');
} else {
    const folder = path.resolve(process.argv[2] ?? '.');
    const workers = Number(process.argv.find(a => a.startsWith('--workers='))?.slice(10) ?? 2);
    const files = fs
        .readdirSync(folder)
        .filter(f => f.endsWith('.ops'))
        .sort()
        .map(f => path.join(folder, f));
    const { Opsbook } = createOpsbookCoreServices(EmptyFileSystem);
    Opsbook.parser.LangiumParser.parse('');
    let started = cpu();
    let wall = performance.now();
    for (const file of files) Opsbook.parser.LangiumParser.parse(fs.readFileSync(file, 'utf8'));
    const mainCpu = cpu() - started;
    const mainWall = performance.now() - wall;

    const channels = Array.from({ length: workers }, () => new MessageChannel());
    wall = performance.now();
    started = cpu();
    await Promise.all(
        channels.map(({ port2 }, w) => {
            const worker = new Worker(new URL(import.meta.url), {
                workerData: { files: files.filter((_, i) => i % workers === w), port: port2 },
                transferList: [port2]
            });
            return new Promise((resolve, reject) => {
                worker.on('message', resolve);
                worker.on('error', reject);
            });
        })
    );
    const workersWall = performance.now() - wall;
    const workersCpu = cpu() - started;
    started = cpu();
    wall = performance.now();
    let received = 0;
    for (const { port1 } of channels) {
        for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) {
            relink(message.message.ast);
            received++;
        }
        port1.close();
    }
    const receiveCpu = cpu() - started;
    const receiveWall = performance.now() - wall;
    console.log(
        JSON.stringify(
            {
                files: files.length,
                received,
                mainThreadParse: { cpuMs: Math.round(mainCpu), wallMs: Math.round(mainWall) },
                workers: { count: workers, wallMs: Math.round(workersWall), cpuMsAllThreads: Math.round(workersCpu) },
                mainThreadReceiveAndRelink: { cpuMs: Math.round(receiveCpu), wallMs: Math.round(receiveWall) }
            },
            null,
            2
        )
    );
}
