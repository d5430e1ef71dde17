package com.edutrack.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
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
            case "Min", "DecimalMin" -> "Ensure this value is greater than or equal to " + attributes.get("value") + ".";
            case "Max", "DecimalMax" -> "Ensure this value is less than or equal to " + attributes.get("value") + ".";
            case "Pattern" -> patternMessage(value);
            default -> "Invalid value.";
        };
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

    /** Money is the contract's only pattern, so a mismatch gets DRF's DecimalField wording. */
    private static String patternMessage(Object value) {
        if (!(value instanceof String text) || !text.matches("-?\\d+(\\.\\d+)?")) {
            return "A valid number is required.";
        }
        return looksNumeric(text) ? "Ensure that there are no more than 2 decimal places." : "Enter a valid value.";
    }

    private static boolean looksNumeric(String text) {
        return text.matches("-?\\d+\\.\\d+");
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
