import type { Locale } from '../values/format.js';
import { type Message, render } from './catalogue.js';

/**
 * Chevrotain asks for syntax-error messages while parsing, before anyone knows which file (and so which
 * locale) they belong to. The message providers therefore render English and remember the descriptor
 * behind each text; the document validator renders it again in the file's locale. The English text
 * determines its descriptor, so one shared table is safe; it is bounded so it cannot grow forever.
 */
class RememberedMessages {
    private readonly byText = new Map<string, Message>();

    remember(msg: Message): string {
        const text = render('en', msg);
        if (!this.byText.has(text)) {
            if (this.byText.size >= 5000) this.byText.delete(this.byText.keys().next().value as string);
            this.byText.set(text, msg);
        }
        return text;
    }

    /** The text in `locale`; unchanged when it was not produced by `remember`. */
    translate(text: string, locale: Locale): string {
        if (locale === 'en') return text;
        const msg = this.byText.get(text);
        return msg ? render(locale, msg) : text;
    }
}

export const SYNTAX_MESSAGES = new RememberedMessages();
