package com.edutrack.web;

import java.beans.PropertyEditorSupport;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses, as a field error, JSON strings PostgreSQL cannot store: a NUL character (DRF's "Null
 * characters are not allowed.") or half of a surrogate pair, which has no UTF-8 form. Without this they
 * reached the database or the password hasher and answered 500. Query and path parameters are held
 * to the same rule by {@link Parameters}.
 */
@Component
public class StorableText extends SimpleModule {

    public StorableText() {
        super("StorableText");
        addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                String text = super.deserialize(parser, context);
                if (text != null && !isStorable(text)) {
                    throw InvalidFormatException.from(parser, "Text PostgreSQL cannot store", text, String.class);
                }
                return text;
            }
        });
    }

    static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The same rule for query and path parameters bound to strings. */
    @ControllerAdvice
    static class Parameters {

        @InitBinder
        void storableStrings(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    if (text != null && !isStorable(text)) {
                        throw new IllegalArgumentException("Text PostgreSQL cannot store");
                    }
                    setValue(text);
                }
            });
        }
    }
}
