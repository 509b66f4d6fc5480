import * as fs from 'node:fs';
import * as path from 'node:path';
import type { URI } from 'langium';
import { isRuleId, RULE_IDS, type ConfiguredSeverity, type RuleId } from '../validation/rule-catalog.js';
import type { WorkspaceRoots } from '../scope/workspace-root.js';
import { normalizeLocale } from '../i18n/locale.js';

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
}

export interface ConfigProblem {
    file: string;
    line: number;
    column: number;
    message: string;
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

    constructor(private readonly roots: WorkspaceRoots) {}

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

    /** The language of diagnostic messages for a file: override, else editor, else opsbook.json, else en. */
    messageLocale(uri: URI): OpsbookLocale {
        return this.overrides.locale ?? this.clientLocale ?? this.forUri(uri).settings.locale ?? 'en';
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
            loaded = root ? loadConfigFile(path.join(root, 'opsbook.json')) : { settings: defaultSettings(), problems: [] };
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
        return { ...loaded, settings };
    }
}

/** Parses one opsbook.json; a missing file is no problem, a broken one is reported with its position. */
export function loadConfigFile(file: string): LoadedConfig {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch {
        return { settings: defaultSettings(), problems: [] };
    }
    return { ...parseConfigText(text, file), file };
}

export function parseConfigText(text: string, file: string): { settings: OpsbookSettings; problems: ConfigProblem[] } {
    const settings = defaultSettings();
    const problems: ConfigProblem[] = [];
    const problemAt = (needle: string | undefined, message: string) => {
        const offset = needle ? Math.max(0, text.indexOf(needle)) : 0;
        const before = text.substring(0, offset);
        const line = before.split('\n').length;
        const column = offset - before.lastIndexOf('\n');
        problems.push({ file, line, column, message });
    };
    let json: unknown;
    try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        const match = /position (\d+)/.exec(String(error));
        const offset = match ? Number(match[1]) : 0;
        const before = text.substring(0, offset);
        problems.push({
            file,
            line: before.split('\n').length,
            column: offset - before.lastIndexOf('\n'),
            message: `opsbook.json is not valid JSON: ${(error as Error).message}`
        });
        return { settings, problems };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        problemAt(undefined, 'opsbook.json must hold one JSON object');
        return { settings, problems };
    }
    for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
        if (key === '$schema') continue;
        if (key === 'rules') {
            if (typeof value !== 'object' || value === null || Array.isArray(value)) {
                problemAt('"rules"', '"rules" must be an object mapping rule ids to error, warning, info or off');
                continue;
            }
            for (const [rule, severity] of Object.entries(value as Record<string, unknown>)) {
                if (!isRuleId(rule)) {
                    problemAt(`"${rule}"`, `unknown rule '${rule}' in opsbook.json: rules are ${RULE_IDS.join(', ')}`);
                } else if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
                    problemAt(`"${rule}"`, `rule '${rule}' in opsbook.json: severity must be error, warning, info or off`);
                } else {
                    settings.rules[rule] = severity as ConfiguredSeverity;
                }
            }
        } else if (key === 'thresholds') {
            if (typeof value !== 'object' || value === null || Array.isArray(value)) {
                problemAt('"thresholds"', '"thresholds" must be an object');
                continue;
            }
            for (const [name, threshold] of Object.entries(value as Record<string, unknown>)) {
                if (!Object.hasOwn(DEFAULT_THRESHOLDS, name)) {
                    problemAt(`"${name}"`, `unknown threshold '${name}' in opsbook.json: thresholds are ${Object.keys(DEFAULT_THRESHOLDS).join(', ')}`);
                } else if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0) {
                    problemAt(`"${name}"`, `threshold '${name}' in opsbook.json must be a non-negative number`);
                } else if (name === 'overcommitRatio' && threshold < 1) {
                    problemAt(`"${name}"`, `threshold 'overcommitRatio' in opsbook.json must be at least 1 (1.5 means 150% of the target)`);
                } else if ((name === 'onTrack' || name === 'atRisk') && threshold > 1) {
                    problemAt(`"${name}"`, `threshold '${name}' in opsbook.json is a share of the target to date: write it between 0 and 1 (0.95 means 95%)`);
                } else {
                    settings.thresholds[name as keyof Thresholds] = threshold;
                }
            }
            if (settings.thresholds.atRisk > settings.thresholds.onTrack) {
                problemAt('"atRisk"', `threshold 'atRisk' (${settings.thresholds.atRisk}) in opsbook.json must not be above 'onTrack' (${settings.thresholds.onTrack})`);
                settings.thresholds.atRisk = DEFAULT_THRESHOLDS.atRisk;
                settings.thresholds.onTrack = DEFAULT_THRESHOLDS.onTrack;
            }
        } else if (key === 'locale') {
            if (value === 'en' || value === 'zh-CN') settings.locale = value;
            else problemAt('"locale"', `"locale" in opsbook.json must be "en" or "zh-CN"`);
        } else {
            problemAt(`"${key}"`, `unknown setting '${key}' in opsbook.json: expected rules, thresholds or locale`);
        }
    }
    return { settings, problems };
}

/** The `opsbook.json` service (composed in `opsbook-module.ts`). */
export type OpsbookConfigServices = {
    config: {
        ConfigProvider: OpsbookConfigProvider;
    };
};
