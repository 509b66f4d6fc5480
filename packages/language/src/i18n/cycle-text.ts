// The shape of the text of SPEC §9's "next cycle" and "change review": the header comment of the
// playbook `opsbook next` writes, the Markdown of `opsbook diff`, and the one-line refusals of both
// commands. The text itself is in the catalogue of each locale (en.ts, zh-cn.ts). The functions
// receive figures already formatted for the locale and names as written; the Markdown builder escapes
// what comes out of them.

export type ChangeSection = 'playbook' | 'goal' | 'channel' | 'campaign' | 'person' | 'file';
export type ChangeKind = 'added' | 'removed' | 'changed';
export type ChangeField =
    | 'title'
    | 'period'
    | 'budget'
    | 'allocated'
    | 'remaining'
    | 'currency'
    | 'parent'
    | 'region'
    | 'stage'
    | 'target'
    | 'bound'
    | 'deadline'
    | 'milestones'
    | 'owner'
    | 'planned'
    | 'coverage'
    | 'status'
    | 'strategy'
    | 'partOf'
    | 'kind'
    | 'type'
    | 'window'
    | 'binding'
    | 'via'
    | 'share'
    | 'deliveries'
    | 'costPerUnit'
    | 'capacity'
    | 'load';

export interface CycleText {
    // ---- opsbook next: the header comment of the new playbook (one string per comment line) -------
    nextHeader(a: { playbook: string; period: string; source: string; actuals: string }): string;
    finishedCycle(a: { period: string }): string;
    /** `SeedUsers: 18,000 of 20,000 signups (90%), at risk`; `actual` undefined when no row gave it. */
    goalResult(a: { goal: string; actual?: string; target?: string; attainment?: string; status?: string }): string;
    costsHeading: string;
    /** `SEO: 10.50 CNY per signup (planned 10 CNY)`. */
    channelCost(a: { channel: string; actual?: string; planned?: string; metric: string }): string;
    reallocationHeading: string;
    reallocationNone: string;
    /** `SEO: 60,000 → 70,000 CNY (+10,000)`. */
    reallocationRow(a: { channel: string; from: string; to: string; change: string }): string;
    droppedCampaigns(a: { campaigns: readonly { name: string; window?: string }[] }): string;
    /** The reason of the `// opsbook-ignore goal-undercovered` line the next playbook gets above a goal its dropped campaigns delivered to. */
    replaceCampaigns(a: { campaigns: readonly string[] }): string;
    statusWord(status: 'on-track' | 'at-risk' | 'off-track'): string;

    // ---- opsbook diff: the Markdown of the change review ------------------------------------------
    diffTitle(a: { old: string; new: string }): string;
    noChanges: string;
    diffSummary(a: { changes: number; appeared: number; gone: number }): string;
    playbookHeading(a: { playbook: string; file: string }): string;
    fileAdded: string;
    fileRemoved: string;
    peopleHeading: string;
    columnElement: string;
    columnChange: string;
    columnBefore: string;
    columnAfter: string;
    section(section: ChangeSection): string;
    kind(kind: ChangeKind): string;
    field(field: ChangeField): string;
    findingsAppeared: string;
    findingsGone: string;
    none: string;
    /** The version `--rev A` compares A with. */
    workingTree: string;

    // ---- refusals (one line, exit 2) ----------------------------------------------------------------
    nextNoPeriod(a: { file: string }): string;
    nextBadPeriod(a: { period: string; problem: string }): string;
    nextPeriodNotAfter(a: { period: string; current: string }): string;
    nextExists(a: { file: string }): string;
    nextOutputNeeded: string;
    nextNoPlaybooks(a: { folder: string }): string;
    nextAmbiguousChannel(a: { channel: string; line: number; files: string }): string;
    nextNotFormatted(a: { problem: string }): string;
    diffNeedsTwo: string;
    diffMissing(a: { file: string; side: string }): string;
    diffKindsDiffer(a: { old: string; new: string }): string;
    diffNotGit(a: { folder: string }): string;
    diffUnknownRevision(a: { revision: string }): string;
    diffNotInRevision(a: { file: string; revision: string }): string;
    diffOutsideRepository(a: { file: string }): string;
}
