import { defineRule } from './rule.js';

/** The messages of `unreadable-file`: one per kind of finding, with the figures it needs. */
export type UnreadableFileMessages = {
    /** `unreadable-file` (CLI): `byte` is the first invalid byte in hex (`FF`), `code` the error code of a failed read. */
    unreadableFile(a: { byte?: string; code?: string }): string;
};

const EN: UnreadableFileMessages = {
    unreadableFile: ({ byte, code }) =>
        byte !== undefined
            ? `not valid UTF-8 text: byte 0x${byte} here is not part of a UTF-8 character, so the file was not checked; save it as UTF-8`
            : `the file cannot be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'error')}), so it was not checked`
};

const ZH_CN: UnreadableFileMessages = {
    unreadableFile: ({ byte, code }) =>
        byte !== undefined
            ? `文件不是有效的 UTF-8 文本：此处的字节 0x${byte} 无法按 UTF-8 解码（文件可能是 GBK 等其他编码），因此未检查；请将文件另存为 UTF-8 编码`
            : `无法读取该文件（${code === 'EACCES' || code === 'EPERM' ? '权限不足' : (code ?? '读取出错')}），因此未检查`
};

export const unreadableFile = defineRule({
    id: 'unreadable-file',
    severity: 'error',
    family: 'files',
    extension: true,
    reportedBy: ['cli/src/commands/check.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'The file cannot be read or is not UTF-8 text (reported by `opsbook check` at the first bad byte); it was not checked. Save it as UTF-8.',
        'zh-CN':
            '文件无法读取，或不是 UTF-8 编码的文本（`opsbook check` 在第一个无效字节处报告），因此没有检查。请将文件另存为 UTF-8 编码。'
    },
    fixes: []
});
