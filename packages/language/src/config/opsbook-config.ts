import type { FileSystemProvider } from 'langium';
import { URI } from 'langium';
import * as path from 'pathe';
import { isRuleId, RULE_IDS, type ConfiguredSeverity, type RuleId } from '../validation/rule-catalog.js';
import type { WorkspaceRoots } from '../scope/workspace-root.js';
import { normalizeLocale } from '../i18n/locale.js';
import type { ErrorObject } from 'ajv';
import { findNodeAtLocation, getNodeValue, type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { closestName } from '../util/closest-name.js';
import { message, render, type ConfigProblemDetail, type Message } from '../i18n/catalogue.js';
import { validate as validateConfigSchema } from './generated/opsbook-schema-validator.js';

export type OpsbookLocale = 'en' | 'zh-CN';

export interface Thresholds {
    /** `goal-overcommitted` fires above this planned ÷ target ratio. */
    overcommitRatio: number;
    /** `forecast-spread` fires when (max − min) ÷ median exceeds this ratio. */
    forecastSpread: number;
    /** Review status: on track at or above this share of the target to date. */
    onTrack: number;
    /** Review status: at risk at or above this share; off track below. */
    atRisk: number;
    /** `assumption-mismatch` tolerance as a ratio. */
    assumptionTolerance: number;
}

export interface OpsbookSettings {
    rules: Partial<Record<RuleId, ConfiguredSeverity>>;
    thresholds: Thresholds;
    locale?: OpsbookLocale;
    /** `"ignore"`: .gitignore patterns, relative to the folder of opsbook.json, that folder searches skip. */
    ignore?: string[];
}

export interface ConfigProblem {
    file: string;
    line: number;
    column: number;
    /** In English; `detail` renders in any locale (`renderMessage(locale, problem.detail)`). */
    message: string;
    detail: Message;
}

export interface LoadedConfig {
    settings: OpsbookSettings;
    /** The opsbook.json that was read, if any. */
    file?: string;
    problems: ConfigProblem[];
}

export const DEFAULT_THRESHOLDS: Thresholds = {
    overcommitRatio: 1.5,
    forecastSpread: 0.2,
    onTrack: 0.95,
    atRisk: 0.8,
    assumptionTolerance: 0.01
};

const SEVERITIES = ['error', 'warning', 'info', 'off'];

export function isConfiguredSeverity(value: unknown): value is ConfiguredSeverity {
    return typeof value === 'string' && SEVERITIES.includes(value);
}

export function defaultSettings(): OpsbookSettings {
    return { rules: {}, thresholds: { ...DEFAULT_THRESHOLDS } };
}

/**
 * Reads `opsbook.json` at the workspace root of a file (SPEC §7), once per root. A bad file yields
 * problems with line and column and falls back to the defaults for what could not be read.
 */
export class OpsbookConfigProvider {
    private readonly cache = new Map<string, LoadedConfig>();
    private overrides: Partial<OpsbookSettings> = {};
    private clientLocale: OpsbookLocale | undefined;
    private fallbackLocale: OpsbookLocale | undefined;

    constructor(
        private readonly roots: WorkspaceRoots,
        private readonly fileSystem: FileSystemProvider
    ) {}

    /** Settings that win over every opsbook.json (the CLI's `--locale`, the editor's settings). */
    setOverrides(overrides: Partial<OpsbookSettings>): void {
        this.overrides = overrides;
        this.cache.clear();
    }

    /** What `setOverrides` set, to change one part and keep the rest (the editor's rules, the CLI's locale). */
    currentOverrides(): Partial<OpsbookSettings> {
        return { ...this.overrides };
    }

    /** The locale set by `setOverrides` (CLI `--locale`), which wins over the playbook's for documents too. */
    localeOverride(): OpsbookLocale | undefined {
        return this.overrides.locale;
    }

    /**
     * The language server calls this with `InitializeParams.locale` (any BCP 47 tag: `zh-cn`, `en-US`):
     * diagnostic messages then follow the editor's language unless `--locale`/`setOverrides` says
     * otherwise. Generated documents keep following the playbook's `locale`. Call it before the first
     * build, or re-validate afterwards.
     */
    setClientLocale(tag: string | undefined | null): void {
        this.clientLocale = normalizeLocale(tag);
    }

    /**
     * The CLI calls this with the locale of its environment (`LC_ALL`, `LC_MESSAGES`, `LANG`: `zh_CN.UTF-8`):
     * messages follow it when neither `--locale` nor opsbook.json chooses one.
     */
    setFallbackLocale(tag: string | undefined | null): void {
        this.fallbackLocale = normalizeLocale(tag);
    }

    /** The language of diagnostic messages for a file: override, else editor, else opsbook.json, else the environment's, else en. */
    messageLocale(uri: URI): OpsbookLocale {
        return this.overrides.locale ?? this.clientLocale ?? this.forUri(uri).settings.locale ?? this.fallbackLocale ?? 'en';
    }

    invalidate(): void {
        this.cache.clear();
        this.roots.clearCache();
    }

    forUri(uri: URI): LoadedConfig {
        const root = uri.scheme === 'file' ? this.roots.rootOf(uri.fsPath) : undefined;
        const key = root ?? '<memory>';
        let loaded = this.cache.get(key);
        if (!loaded) {
            loaded = root
                ? loadConfigFile(path.join(root, 'opsbook.json'), this.fileSystem)
                : { settings: defaultSettings(), problems: [] };
            loaded = this.applyOverrides(loaded);
            this.cache.set(key, loaded);
        }
        return loaded;
    }

    private applyOverrides(loaded: LoadedConfig): LoadedConfig {
        const settings: OpsbookSettings = {
            rules: { ...loaded.settings.rules, ...this.overrides.rules },
            thresholds: { ...loaded.settings.thresholds, ...this.overrides.thresholds }
        };
        const locale = this.overrides.locale ?? loaded.settings.locale;
        if (locale) settings.locale = locale;
        if (loaded.settings.ignore) settings.ignore = loaded.settings.ignore;
        return { ...loaded, settings };
    }
}

/** Parses one opsbook.json; a missing file is no problem, a broken one is reported with its position. */
export function loadConfigFile(file: string, fileSystem: FileSystemProvider): LoadedConfig {
    let text: string;
    try {
        text = fileSystem.readFileSync(URI.file(file));
    } catch {
        return { settings: defaultSettings(), problems: [] };
    }
    return { ...parseConfigText(text, file), file };
}

export function parseConfigText(text: string, file: string): { settings: OpsbookSettings; problems: ConfigProblem[] } {
    const settings = defaultSettings();
    const problems: ConfigProblem[] = [];
    const body = text.replace(/^\uFEFF/, '');
    const shift = text.length - body.length;
    const problemAt = (offset: number, problem: ConfigProblemDetail) => {
        const before = text.substring(0, offset + shift);
        const detail = message('configProblem', problem);
        problems.push({
            file,
            line: before.split('\n').length,
            column: offset + shift - before.lastIndexOf('\n'),
            message: render('en', detail),
            detail
        });
    };
    // JSON with comments (JSONC, as tsconfig.json and VS Code's settings): one parse error stops the reading.
    const errors: ParseError[] = [];
    const root = parseTree(body, errors, { disallowComments: false, allowTrailingComma: false, allowEmptyContent: false });
    if (errors.length > 0 || root === undefined) {
        const error = errors[0];
        problemAt(error?.offset ?? 0, parseErrorText(body, error));
        return { settings, problems };
    }
    const json: unknown = getNodeValue(root);
    // The shipped JSON Schema decides what is valid (the editor validates with the same file, the CLI
    // and the server with the code ajv compiled from it at build time); the messages say it in words,
    // at the property's name.
    const invalid = new Set<string>();
    const reported = new Set<string>();
    if (!validateSchema(json)) {
        for (const error of validateSchema.errors ?? []) {
            const where = schemaErrorPlace(root, error);
            if (reported.has(where.key)) continue;
            reported.add(where.key);
            invalid.add(error.instancePath);
            problemAt(where.offset, schemaErrorMessage(error, json));
        }
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return { settings, problems: sortProblems(problems) };
    const config = json as Record<string, unknown>;
    const valid = (pointer: string) => !invalid.has(pointer);
    if (isPlainObject(config.rules) && valid('/rules')) {
        for (const [rule, severity] of Object.entries(config.rules)) {
            if (isRuleId(rule) && isConfiguredSeverity(severity) && valid(`/rules/${pointerPart(rule)}`)) settings.rules[rule] = severity;
        }
    }
    if (isPlainObject(config.thresholds) && valid('/thresholds')) {
        for (const [name, threshold] of Object.entries(config.thresholds)) {
            if (Object.hasOwn(DEFAULT_THRESHOLDS, name) && typeof threshold === 'number' && valid(`/thresholds/${pointerPart(name)}`)) {
                settings.thresholds[name as keyof Thresholds] = threshold;
            }
        }
        // What a schema cannot say: one threshold against another.
        if (settings.thresholds.atRisk > settings.thresholds.onTrack) {
            problemAt(keyOffset(root, ['thresholds', 'atRisk']), {
                kind: 'at-risk-above-on-track',
                atRisk: settings.thresholds.atRisk,
                onTrack: settings.thresholds.onTrack
            });
            settings.thresholds.atRisk = DEFAULT_THRESHOLDS.atRisk;
            settings.thresholds.onTrack = DEFAULT_THRESHOLDS.onTrack;
        }
    }
    if ((config.locale === 'en' || config.locale === 'zh-CN') && valid('/locale')) settings.locale = config.locale;
    if (Array.isArray(config.ignore) && valid('/ignore') && config.ignore.every(pattern => typeof pattern === 'string' && pattern !== '')) {
        settings.ignore = [...(config.ignore as string[])];
    }
    return { settings, problems: sortProblems(problems) };
}

function parseErrorText(body: string, error: ParseError | undefined): ConfigProblemDetail {
    if (error === undefined || body.trim() === '') return { kind: 'empty' };
    const next = body[error.offset];
    // A property name or value expected right before a closing bracket: a trailing comma.
    if ((error.error === 3 || error.error === 4) && (next === '}' || next === ']')) return { kind: 'trailing-comma', next };
    return { kind: 'json', code: error.error, detail: printParseErrorCode(error.error) };
}

const TOP_LEVEL = ['rules', 'thresholds', 'locale', 'ignore'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pointerPart(key: string): string {
    return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

function pointerPath(pointer: string): string[] {
    return pointer === ''
        ? []
        : pointer
              .slice(1)
              .split('/')
              .map(part => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Where a property's name starts (its value, for array items; 0 for the whole file). */
function keyOffset(root: JsonNode, segments: string[]): number {
    if (segments.length === 0) return 0;
    const node = findNodeAtLocation(
        root,
        segments.map(part =>
            /^\d+$/.test(part) && findNodeAtLocation(root, segments.slice(0, -1))?.type === 'array' ? Number(part) : part
        )
    );
    if (!node) return 0;
    const property = node.parent;
    return property?.type === 'property' && property.children?.[0] ? property.children[0].offset : node.offset;
}

/** The place of a schema error (a property that should not be there: its name) and a key to report it once. */

function schemaErrorPlace(root: JsonNode, error: ErrorObject): { offset: number; key: string } {
    const segments = pointerPath(error.instancePath);
    if (error.keyword === 'additionalProperties') {
        const extra = String((error.params as { additionalProperty: string }).additionalProperty);
        return { offset: keyOffset(root, [...segments, extra]), key: `${error.instancePath}/${pointerPart(extra)}` };
    }
    return { offset: keyOffset(root, segments), key: error.instancePath };
}

function schemaErrorMessage(error: ErrorObject, json: unknown): ConfigProblemDetail {
    const segments = pointerPath(error.instancePath);
    const [section, name = ''] = segments;
    const extraProperty = () => String((error.params as { additionalProperty: string }).additionalProperty);
    const withSuggestion = (detail: ConfigProblemDetail, suggestion: string | undefined): ConfigProblemDetail =>
        suggestion ? ({ ...detail, suggestion } as ConfigProblemDetail) : detail;
    if (segments.length === 0) {
        if (error.keyword === 'additionalProperties') {
            const extra = extraProperty();
            return withSuggestion({ kind: 'unknown-setting', name: extra, expected: TOP_LEVEL }, closestName(extra, TOP_LEVEL));
        }
        return { kind: 'not-object' };
    }
    if (section === 'rules') {
        if (segments.length === 1 && error.keyword === 'additionalProperties') {
            const rule = extraProperty();
            return withSuggestion({ kind: 'unknown-rule', rule }, closestName(rule, RULE_IDS));
        }
        if (segments.length === 1) return { kind: 'rules-not-object' };
        return { kind: 'severity', rule: name };
    }
    if (section === 'thresholds') {
        if (segments.length === 1 && error.keyword === 'additionalProperties') {
            const threshold = extraProperty();
            const names = Object.keys(DEFAULT_THRESHOLDS);
            return withSuggestion({ kind: 'unknown-threshold', name: threshold, expected: names }, closestName(threshold, names));
        }
        if (segments.length === 1) return { kind: 'thresholds-not-object' };
        const value = (json as { thresholds: Record<string, unknown> }).thresholds[name];
        if (typeof value === 'number' && value >= 0 && name === 'overcommitRatio') return { kind: 'overcommit-ratio' };
        if (typeof value === 'number' && value >= 0 && (name === 'onTrack' || name === 'atRisk')) return { kind: 'share-threshold', name };
        return { kind: 'threshold-negative', name };
    }
    if (section === 'locale') return { kind: 'locale' };
    if (section === 'ignore') return segments.length === 1 ? { kind: 'ignore-not-list' } : { kind: 'ignore-pattern' };
    if (section === '$schema') return { kind: 'schema-ref' };
    return { kind: 'other', pointer: error.instancePath, detail: error.message ?? 'is not valid' };
}

function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
    return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Validates with the JSON Schema, compiled at build time (scripts/config-validator.mjs). */
const validateSchema = validateConfigSchema as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The `opsbook.json` service (composed in `opsbook-module.ts`). */
export type OpsbookConfigServices = {
    config: {
        ConfigProvider: OpsbookConfigProvider;
    };
};
