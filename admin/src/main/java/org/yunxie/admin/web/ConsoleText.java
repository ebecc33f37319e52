package org.yunxie.admin.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yunxie.core.shared.Refusal;

/** Console texts in the request's language, and refusals from core as staff read them. */
@Component
@WithConsole
public class ConsoleText {

    private final MessageSource messages;

    ConsoleText(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, plain(args), key, LocaleContextHolder.getLocale());
    }

    public String refusal(Refusal refusal) {
        String key = "console." + refusal.reason().messageKey();
        Object[] args = refusal.args().stream().map(this::named).toArray();
        return messages.getMessage(key, plain(args),
                text("console.refusal.other", refusal.reason().name()), LocaleContextHolder.getLocale());
    }

    /** Enum facts in refusals (a ledger status, a role) read in words: console.value.LedgerStatus.PAID. */
    private Object named(Object arg) {
        if (arg instanceof Enum<?> value) {
            return messages.getMessage("console.value." + value.getDeclaringClass().getSimpleName() + "."
                    + value.name(), null, value.name(), LocaleContextHolder.getLocale());
        }
        return arg;
    }

    private static Object[] plain(Object[] args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // Numbers stay numbers for the messages that format them ({0,number,#}); everything else is text.
            plain[i] = args[i] instanceof Number ? args[i] : String.valueOf(args[i]);
        }
        return plain;
    }
}
