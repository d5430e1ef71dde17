package com.edutrack.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.exc.MismatchedInputException;

/** DRF's wording for invalid fields and parameters, and the JSON names they are reported under. */
final class FieldMessages {

    private FieldMessages() {
    }

    /** The message for a broken Bean Validation constraint, as DRF words it. */
    static String forViolation(ConstraintViolation<?> violation) {
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        Object value = violation.getInvalidValue();
        return switch (violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()) {
            case "NotNull" -> ErrorBodies.REQUIRED;
            case "NotBlank" -> ErrorBodies.BLANK;
            case "Size" -> sizeMessage(value, (Integer) attributes.get("min"), (Integer) attributes.get("max"));
            case "Email" -> "Enter a valid email address.";
            case "Min", "DecimalMin" -> "Ensure this value is greater than or equal to " + bound(attributes) + ".";
            case "Max", "DecimalMax" -> "Ensure this value is less than or equal to " + bound(attributes) + ".";
            case "Digits" -> digitsMessage((BigDecimal) value, (Integer) attributes.get("integer"),
                    (Integer) attributes.get("fraction"));
            case "Pattern" -> "Enter a valid value.";
            default -> "Invalid value.";
        };
    }

    /** Whether DRF would report only this violation of a field: a number it could not take at all. */
    static boolean supersedesOthers(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation() instanceof Digits;
    }

    /** A bound as DRF prints it: the generator writes {@code minimum: 0} as "0.0", DRF says "0". */
    private static String bound(Map<String, Object> attributes) {
        return new BigDecimal(String.valueOf(attributes.get("value"))).stripTrailingZeros().toPlainString();
    }

    /**
     * DRF's DecimalField precision check, in its order, for a value beyond {@code @Digits}: digits in total (both
     * limits together), then decimal places, then digits before the point. Counted as Python's Decimal does, so
     * "0.001" has three places and "1E+3" four whole digits; never expanded, whatever its exponent.
     */
    private static String digitsMessage(BigDecimal value, int wholeDigits, int decimalPlaces) {
        long precision = value.precision();
        long scale = value.scale();
        long total = scale < 0 ? precision - scale : Math.max(precision, scale);
        long places = Math.max(scale, 0);
        if (total > wholeDigits + decimalPlaces) {
            return "Ensure that there are no more than " + (wholeDigits + decimalPlaces) + " digits in total.";
        }
        if (places > decimalPlaces) {
            return "Ensure that there are no more than " + decimalPlaces + " decimal places.";
        }
        return "Ensure that there are no more than " + wholeDigits + " digits before the decimal point.";
    }

    /**
     * The message for a whole number beyond the Java type of its field (see {@link StrictNumbers}). An id (a
     * {@code *_id} field) is a primary key that cannot exist; any other integer breaks the bound DRF would check:
     * the contract's {@code minimum}/{@code maximum} when it has one, else that of the column's type.
     */
    static String outOfRange(Class<?> type, String jsonName, Class<?> target, BigInteger value) {
        if (jsonName.endsWith("_id")) {
            return ErrorBodies.invalidPk(value);
        }
        boolean int32 = target == Integer.class || target == int.class;
        Method getter = getter(type, jsonName);
        if (value.signum() > 0) {
            Max max = getter == null ? null : getter.getAnnotation(Max.class);
            long bound = max != null ? max.value() : int32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
            return "Ensure this value is less than or equal to " + bound + ".";
        }
        Min min = getter == null ? null : getter.getAnnotation(Min.class);
        long bound = min != null ? min.value() : int32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        return "Ensure this value is greater than or equal to " + bound + ".";
    }

    /** The getter of a generated DTO that carries the JSON name and the contract's annotations. */
    private static Method getter(Class<?> type, String jsonName) {
        for (Method method : type.getMethods()) {
            JsonProperty property = method.getAnnotation(JsonProperty.class);
            if (property != null && property.value().equals(jsonName) && method.getParameterCount() == 0) {
                return method;
            }
        }
        return null;
    }

    private static String sizeMessage(Object value, int min, int max) {
        if (value instanceof Collection<?> items) {
            return items.size() < min
                    ? "Ensure this field has at least " + min + " elements."
                    : "Ensure this field has no more than " + max + " elements.";
        }
        int length = value == null ? 0 : value.toString().length();
        if (length == 0) {
            return ErrorBodies.BLANK;
        }
        return length < min
                ? "Ensure this field has at least " + min + " characters."
                : "Ensure this field has no more than " + max + " characters.";
    }

    /** The message for a value of the wrong JSON or query type. */
    static String wrongType(Class<?> target, Object value) {
        if (target == null) {
            return "Invalid value.";
        }
        if (target == Integer.class || target == Long.class || target == int.class || target == long.class) {
            return "A valid integer is required.";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "Must be a valid boolean.";
        }
        if (target == BigDecimal.class || target == Double.class || target == Float.class) {
            return "A valid number is required.";
        }
        if (target == String.class) {
            return value instanceof String text && text.indexOf('\u0000') >= 0
                    ? "Null characters are not allowed." : "Not a valid string.";
        }
        if (target == OffsetDateTime.class) {
            return "Datetime has wrong format. Use one of these formats instead: "
                    + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";
        }
        if (target.isEnum()) {
            return "\"" + value + "\" is not a valid choice.";
        }
        return "Invalid value.";
    }

    /** What a body that is not a JSON object was, in DRF's words ("list", "str", ...). */
    static String jsonKind(MismatchedInputException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("START_ARRAY")) {
            return "list";
        }
        if (message.contains("VALUE_STRING")) {
            return "str";
        }
        if (message.contains("VALUE_NUMBER")) {
            return "int";
        }
        if (message.contains("VALUE_TRUE") || message.contains("VALUE_FALSE")) {
            return "bool";
        }
        return "NoneType";
    }

    /** The JSON name of a property of a generated DTO: its {@code @JsonProperty}, else snake case. */
    static String jsonName(Class<?> type, String javaProperty) {
        String property = javaProperty.contains(".") ? javaProperty.substring(0, javaProperty.indexOf('.')) : javaProperty;
        Method getter = ReflectionUtils.findMethod(type, "get" + StringUtils.capitalize(property));
        JsonProperty annotation = getter == null ? null : getter.getAnnotation(JsonProperty.class);
        return annotation != null ? annotation.value() : snakeCase(property);
    }

    /** The query name of a controller parameter: its {@code @RequestParam} name, else snake case. */
    static String parameterName(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && StringUtils.hasText(requestParam.value())) {
            return requestParam.value();
        }
        return snakeCase(String.valueOf(parameter.getParameterName()));
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
