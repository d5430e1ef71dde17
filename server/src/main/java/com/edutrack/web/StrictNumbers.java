package com.edutrack.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Numbers in request bodies as DRF's fields parse them (product-spec section 9):
 * <ul>
 * <li>An empty or blank string is not a number: {"position": ""} answers "A valid integer is required."
 * instead of Jackson's default of reading it as null (which would store "no value").</li>
 * <li>An integer field takes whole numbers only ({@code 5}, {@code "5"}, {@code 5.0}): Jackson's default read
 * {@code 5.9} as 5, so a buy of course 5.9 charged for course 5. A whole number beyond the field's Java type
 * is refused with the number itself, which {@link FieldMessages#outOfRange} words as DRF would, instead of
 * the parser's "JSON parse error".</li>
 * </ul>
 * Money is a {@link BigDecimal} with the contract's {@code @Digits}, checked with the other fields.
 */
@Configuration(proxyBeanMethods = false)
public class StrictNumbers {

    @Bean
    JsonMapperBuilderCustomizer emptyStringsAreNotNumbers() {
        return builder -> {
            for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                builder.withCoercionConfig(type, config -> config
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setAcceptBlankAsEmpty(false));
            }
        };
    }

    @Bean
    JacksonModule wholeNumbers() {
        return new SimpleModule("WholeNumbers")
                .addDeserializer(Long.class, new WholeNumber<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE, Long::valueOf))
                .addDeserializer(Integer.class, new WholeNumber<>(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE,
                        value -> Integer.valueOf((int) value)));
    }

    /** DRF's IntegerField: a string is stripped, and "5", "5.0" and 5.0 are all 5. */
    static final class WholeNumber<T extends Number> extends StdScalarDeserializer<T> {

        private static final Pattern INTEGER_TEXT = Pattern.compile("[-+]?\\d+(\\.0*)?");
        /** DRF refuses longer strings before parsing them; it also bounds the work of parsing here. */
        private static final int MAX_TEXT = 1000;
        /** More digits than any long has: a float this large is refused as such, never expanded. */
        private static final int MAX_FLOAT_DIGITS = 19;

        private final Class<T> type;
        private final BigDecimal min;
        private final BigDecimal max;
        private final LongFunction<T> box;

        WholeNumber(Class<T> type, long min, long max, LongFunction<T> box) {
            super(type);
            this.type = type;
            this.min = BigDecimal.valueOf(min);
            this.max = BigDecimal.valueOf(max);
            this.box = box;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Integer;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return whole(parser, parser.getDecimalValue());
            }
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal value = parser.getDecimalValue();
                if (value.precision() - value.scale() > MAX_FLOAT_DIGITS || !isWhole(value)) {
                    throw notAnInteger(parser, parser.getString());
                }
                return whole(parser, value);
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = parser.getString().strip();
                if (text.length() > MAX_TEXT || !INTEGER_TEXT.matcher(text).matches()) {
                    throw notAnInteger(parser, text);
                }
                return whole(parser, new BigDecimal(text));
            }
            @SuppressWarnings("unchecked")
            T unexpected = (T) context.handleUnexpectedToken(type, parser);
            return unexpected;
        }

        private T whole(JsonParser parser, BigDecimal value) {
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                BigInteger number = value.toBigInteger();
                throw InvalidFormatException.from(parser, "Out of range of " + type.getSimpleName(), number, type);
            }
            return box.apply(value.longValue());
        }

        private static boolean isWhole(BigDecimal value) {
            return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
        }

        private InvalidFormatException notAnInteger(JsonParser parser, String text) {
            return InvalidFormatException.from(parser, "Not a whole number", text, type);
        }
    }
}
