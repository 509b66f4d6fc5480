import type { DeliveryFigures, GoalFigures, PlaybookAnalysis } from '../analysis/model.js';
import { TextFormatter, type UnitText } from '../i18n/text.js';
import { describeElementType } from '../i18n/words.js';
import { chineseAlias } from '../analysis/vocabulary.js';
import type { Decimal } from '../values/decimal.js';
import type { Locale } from '../values/format.js';
import { lspText, type LspText } from './lsp-text.js';

/**
 * Formats figures of one analysis for the editor (hover, inlay hints, lenses): the formatter, the
 * words, and the unit of a metric. Reads the model only; every sum and ratio comes from it.
 */
export class FigureText {
    readonly f: TextFormatter;
    readonly t: LspText;

    constructor(
        readonly analysis: PlaybookAnalysis,
        readonly locale: Locale
    ) {
        this.f = new TextFormatter(locale);
        this.t = lspText(locale);
    }

    /** The unit of a metric visible in this file (money in the playbook currency). */
    unit(metric: string | undefined): UnitText | undefined {
        const info = metric ? this.analysis.metrics.get(metric) : undefined;
        if (!info?.kind) return undefined;
        return info.kind === 'money'
            ? { metric: info.name, kind: info.kind, currency: this.analysis.currency }
            : { metric: info.name, kind: info.kind };
    }

    /** `6,000 signups`, `200,000 CNY revenue`. */
    quantity(amount: Decimal, metric: string | undefined): string {
        return this.f.qty(amount, this.unit(metric));
    }

    money(amount: Decimal): string {
        return this.f.money(amount, this.analysis.currency);
    }

    /** A ratio such as coverage or a share: `90%`, never a misleading `100%`. */
    share(ratio: number | undefined): string | undefined {
        return ratio === undefined || !Number.isFinite(ratio) ? undefined : this.f.pct(ratio);
    }

    /** An enumerated value as the reader's language says it: `growth`, in zh-CN `成长期` (SPEC §10). */
    value(words: readonly string[], english: string): string {
        return this.locale === 'zh-CN' ? (chineseAlias(words, english) ?? english) : english;
    }

    type(type: string): string {
        return describeElementType(type, false, this.locale);
    }

    /** "planned 18,000 / 20,000 (90%)" for a goal with both figures; undefined otherwise. */
    plannedOfTarget(goal: GoalFigures): string | undefined {
        if (goal.target === undefined || !goal.additive) return undefined;
        return this.t.lensGoal(this.f.amount(goal.planned, goal.unit), this.f.amount(goal.target, goal.unit), this.share(goal.coverage));
    }

    /** The delivery figures of a Delivery node, from its channel or campaign. */
    delivery(node: unknown): DeliveryFigures | undefined {
        for (const owner of [...this.analysis.channels, ...this.analysis.campaigns]) {
            const found = owner.deliveries.find(delivery => delivery.node === node);
            if (found) return found;
        }
        return undefined;
    }
}
