import * as vscode from 'vscode';

/** `opsbook.locale`: the language of previews and generated reviews; undefined = the playbook's own. */
export function configuredLocale(): 'en' | 'zh-CN' | undefined {
    const locale = vscode.workspace.getConfiguration('opsbook').get<string | null>('locale');
    return locale === 'en' || locale === 'zh-CN' ? locale : undefined;
}
