// Packages the VS Code extension into one VSIX, offline:
//   node scripts/package-extension.mjs            build, copy assets, check the file list, vsce package
//   node scripts/package-extension.mjs --no-build the same on the current build
//   node scripts/package-extension.mjs --assets   only copy the assets (run by scripts/bundle.mjs)
//
// The extension ships files that live elsewhere in the repository; they are copied into
// packages/extension at build time (and git-ignored there):
//   syntaxes/opsbook.tmLanguage.json       the TextMate grammar
//   schemas/opsbook.schema.json            the JSON Schema of opsbook.json
//   docs/rules.md                          the rule reference ("Show Rule Documentation")
//   node_modules/mermaid/dist/mermaid.min.js  Mermaid for the plan preview (no CDN)
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EXTENSION_DIR = join(ROOT, 'packages/extension');
const require = createRequire(join(EXTENSION_DIR, 'package.json'));

/** [source, destination inside the extension] */
function assets() {
    return [
        [join(ROOT, 'syntaxes/opsbook.tmLanguage.json'), 'syntaxes/opsbook.tmLanguage.json'],
        [join(ROOT, 'schemas/opsbook.schema.json'), 'schemas/opsbook.schema.json'],
        [join(ROOT, 'docs/rules.md'), 'docs/rules.md'],
        [join(dirname(require.resolve('mermaid/package.json')), 'dist/mermaid.min.js'), 'media/mermaid.min.js']
    ];
}

/** Copies the assets into the extension; returns the sources that are missing. */
export function copyExtensionAssets() {
    const missing = [];
    for (const [source, destination] of assets()) {
        const target = join(EXTENSION_DIR, destination);
        if (!existsSync(source)) {
            missing.push(relative(ROOT, source));
            continue;
        }
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(source, target);
    }
    return missing;
}

// What the VSIX must hold, and what must never be in it (sources, maps, tests, dependencies).
const REQUIRED = [
    'package.json',
    'readme.md',
    'changelog.md',
    'license.md',
    'images/icon.png',
    'dist/extension.cjs',
    'dist/server.cjs',
    'dist/browser-extension.js',
    'dist/browser-server.js',
    'language-configuration.json',
    'syntaxes/opsbook.tmLanguage.json',
    'schemas/opsbook.schema.json',
    'docs/rules.md',
    'media/mermaid.min.js',
    'media/preview.js',
    'media/preview.css',
    'package.nls.json',
    'package.nls.zh-cn.json',
    'l10n/bundle.l10n.zh-cn.json'
];
const FORBIDDEN = [/\.ts$/, /\.map$/, /^src\//, /^out\//, /node_modules\//, /tsbuildinfo/, /\.vsix$/, /^scripts\//, /tsconfig/];

function vsce(args) {
    const bin = join(ROOT, 'node_modules/@vscode/vsce/vsce');
    return execFileSync(process.execPath, [bin, ...args], { cwd: EXTENSION_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Checks `vsce ls`: every required file present, nothing forbidden. Returns the problems. */
export function checkFileList(files) {
    const lower = new Set(files.map(f => f.toLowerCase()));
    const problems = REQUIRED.filter(f => !lower.has(f.toLowerCase())).map(f => `missing from the VSIX: ${f}`);
    for (const file of files) {
        if (FORBIDDEN.some(pattern => pattern.test(file))) problems.push(`must not be in the VSIX: ${file}`);
    }
    return problems;
}

/**
 * Builds (unless `build` is false), copies the assets, checks the file list and writes the VSIX.
 * Throws with a one-line reason on failure. Returns `{ vsix, size, files }`.
 */
export function packageExtension({ build = true, log = console.log } = {}) {
    if (build) {
        log('package: npm run build');
        execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    }
    for (const bundle of ['dist/extension.cjs', 'dist/server.cjs', 'dist/browser-extension.js', 'dist/browser-server.js']) {
        if (!existsSync(join(EXTENSION_DIR, bundle))) throw new Error(`packages/extension/${bundle} is missing: run npm run build first`);
    }
    const missing = copyExtensionAssets();
    if (missing.length > 0) throw new Error(`cannot package without ${missing.join(', ')}`);

    const files = vsce(['ls', '--no-dependencies'])
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    const problems = checkFileList(files);
    if (problems.length > 0) throw new Error(`the file list is wrong:\n  ${problems.join('\n  ')}`);

    const { name, version } = JSON.parse(readFileSync(join(EXTENSION_DIR, 'package.json'), 'utf8'));
    const vsix = join(EXTENSION_DIR, `${name}-${version}.vsix`);
    rmSync(vsix, { force: true });
    // Relative links stay relative: VS Code shows the README's screenshots from the installed
    // extension, offline, instead of from a repository URL.
    vsce(['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix]);
    return { vsix, size: statSync(vsix).size, files };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    if (process.argv.includes('--assets')) {
        const missing = copyExtensionAssets();
        if (missing.length > 0) console.warn(`extension assets not there yet (the VSIX needs them): ${missing.join(', ')}`);
    } else {
        try {
            const { vsix, size, files } = packageExtension({ build: !process.argv.includes('--no-build') });
            console.log(`package: ${relative(ROOT, vsix)} (${(size / 1024 / 1024).toFixed(2)} MB, ${files.length} files)`);
            for (const file of files) console.log(`  ${file}`);
        } catch (error) {
            console.error(`package: ${error.message}`);
            process.exit(1);
        }
    }
}
