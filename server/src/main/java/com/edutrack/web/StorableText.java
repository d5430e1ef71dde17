package com.edutrack.web;

import jakarta.validation.constraints.Size;
import java.beans.PropertyEditorSupport;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * How JSON strings of a request body are taken, in one place:
 * <ul>
 * <li>A required text (the contract's {@code minLength: 1}) is stripped of surrounding whitespace, as DRF's
 * CharField does, so that the contract's length rule then refuses a whitespace-only value as blank instead of
 * it being stored as "" (product-spec section 9). A property marked {@link Verbatim} (passwords) is kept as typed.</li>
 * <li>Text PostgreSQL cannot store is refused as a field error: a NUL character (DRF's "Null characters are not
 * allowed.") or half of a surrogate pair, which has no UTF-8 form. Without this they reached the database or the
 * password hasher and answered 500. Query and path parameters are held to the same rule by {@link Parameters}.</li>
 * </ul>
 */
@Component
public class StorableText extends SimpleModule {

    /** A required text kept exactly as typed; the contract attaches it with {@code x-field-extra-annotation}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD})
    public @interface Verbatim {
    }

    public StorableText() {
        super("StorableText");
        addDeserializer(String.class, new Text(false));
    }

    private static final class Text extends StringDeserializer {

        private final boolean strip;

        Text(boolean strip) {
            this.strip = strip;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean required = property != null && property.getAnnotation(Verbatim.class) == null
                    && property.getAnnotation(Size.class) != null && property.getAnnotation(Size.class).min() >= 1;
            return required == strip ? this : new Text(required);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null && !isStorable(text)) {
                throw InvalidFormatException.from(parser, "Text PostgreSQL cannot store", text, String.class);
            }
            return strip && text != null ? text.strip() : text;
        }
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
