import { en as E, zh as Z } from '../i18n/words.js';
import type { Decimal } from '../values/decimal.js';
import { message } from '../i18n/message.js';
import { defineRule, relatedList, type RuleCheckContext } from './rule.js';

/** The messages of `kpi-weights`: one per kind of finding, with the figures it needs. */
export type KpiWeightsMessages = {
    kpiWeights(a: { person: string; total: Decimal; parts: readonly Decimal[] }): string;
    kpiWeightsEmpty(a: { person: string }): string;
};

const EN: KpiWeightsMessages = {
    kpiWeights: ({ person, total, parts }) => {
        const difference = total.sub(100);
        return `${E.poss(person)} KPI weights add up to ${E.f.points(total)} (${parts.map(p => E.f.points(p)).join(' + ')}), not 100%: ${difference.sign() > 0 ? `remove ${E.diff(difference)}` : `add ${E.diff(difference)}`}`;
    },
    kpiWeightsEmpty: ({ person }) => `${E.poss(person)} assessment names no KPI: add 'kpi … weight …%' lines whose weights add up to 100%`
};

const ZH_CN: KpiWeightsMessages = {
    kpiWeights: ({ person, total, parts }) => {
        const difference = total.sub(100);
        return `${person} 的 KPI 权重合计 ${Z.f.points(total)}（${parts.map(p => Z.f.points(p)).join(' + ')}），不是 100%：${difference.sign() > 0 ? `请减少 ${Z.abs(difference)}` : `请补上 ${Z.abs(difference)}`}`;
    },
    kpiWeightsEmpty: ({ person }) => `${person} 的考核没有任何 KPI：请加上权重合计为 100% 的 'kpi … weight …%'`
};

function check(context: RuleCheckContext): void {
    for (const assessment of context.analysis.assessments) {
        if (!context.isOwn(assessment.node) || !assessment.complete || assessment.person === undefined) continue;
        if (assessment.kpis.length === 0) {
            context.report('kpi-weights', message('kpiWeightsEmpty', { person: assessment.person }), {
                node: assessment.node,
                property: 'person'
            });
            continue;
        }
        if (assessment.totalWeight.eq(100)) continue;
        const related = relatedList(
            assessment.kpis.map(k =>
                context.related(k.node, message('relatedKpi', { subject: k.subject ?? k.label ?? '', weight: k.weight }), 'weight')
            )
        );
        context.report(
            'kpi-weights',
            message('kpiWeights', { person: assessment.person, total: assessment.totalWeight, parts: assessment.kpis.map(k => k.weight) }),
            {
                node: assessment.node,
                property: 'person',
                related
            }
        );
    }
}

export const kpiWeights = defineRule({
    id: 'kpi-weights',
    severity: 'error',
    family: 'people',
    reportedBy: ['language/src/rules/kpi-weights.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "An assessment's KPI weights must add up to 100%.",
        'zh-CN': '考核中各 KPI 的权重之和必须为 100%。'
    },
    fixes: ['rescale-weights'],
    check
});
