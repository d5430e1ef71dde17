package com.edutrack.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Contract;
import com.edutrack.testing.DatabaseFingerprint;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.Http;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of {@code openapi/edutrack.yaml}, called by every role with generated bad input:
 * wrong types, missing and extra fields, nulls, blanks, huge, unicode and control-character strings,
 * overflowing numbers, injection strings, unknown ids, bad pages, malformed JSON and wrong content
 * types. Every answer must be documented (the {@link Http} client checks the contract), never a 5xx,
 * and a refused request must leave the database as it was. Operations the server does not implement
 * yet are listed and skipped, and get fuzzed as soon as they exist.
 */
class SpecFuzzTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLACEHOLDER = "fuzz-value-placeholder";
    private static final String ONE_MB_STRING = "x".repeat(1_000_000);

    /** JSON values put into every field; a few more come from the seeded Random. */
    private static final List<String> VALUES = List.of(
            "null", "\"\"", "\"   \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0001\\u001f\\u007f\\t\\n\"",
            "\"\\u202eevil\\u200b\"", "\"😀 ß Straße ǅ 中文\"", "\"\\ud800\"",
            "\"' OR '1'='1'; DROP TABLE users; --\"", "\"<script>alert(1)</script>\"", "\"${jndi:ldap://x/a}\"",
            "\"%s%n%x\\\\\"", "\"../../etc/passwd\"", "\"" + ONE_MB_STRING + "\"",
            "-1", "0", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "1e309", "-1e309", "1.5", "123456789012345678901234567890", "999999999",
            "true", "false", "\"12abc\"", "\"NaN\"", "\"Infinity\"", "{}", "{\"$gt\": \"\"}", "[]", "[1, 2]");

    private static final List<String> QUERY_VALUES = List.of(
            "", "abc", "-1", "0", "2147483647", "2147483648", "9223372036854775808", "1e309", "1.5", "true",
            "%00", "a%00b", "%27%20OR%201%3D1--", "%3Cscript%3E", "%F0%9F%98%80", "%E2%80%AE", "%25%5F%5C", "%FF",
            "x".repeat(4000), "999999999");

    private static final List<String> PATH_VALUES = List.of(
            "abc", "-1", "0", "999999999", "9223372036854775808", "1e309", "1.5", "%00", "%20", "1%3B%20DROP");

    private static final List<String> MALFORMED = List.of(
            "", "{", "{\"a\":}", "{\"a\": 1,}", "[", "nul", "{\"a\": \"\\x\"}", "{'a': 1}", "\uFEFF{}",
            "null", "[]", "\"text\"", "1", "true", "{\"a\": 1, \"a\": 2}", "[".repeat(5000) + "]".repeat(5000),
            "{\"a\": 1" + "0".repeat(5000) + "}");

    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=no-such-charset", "application/json; charset=utf-16", "*/*", "");

    /** The base value of a field the fuzzing starts from, by field name: real rows, so ids exist. */
    private final Map<String, Object> real = new LinkedHashMap<>();
    private final Map<String, Long> pathIds = new LinkedHashMap<>();
    private final Random random = new Random(20260429);
    private final List<String> failures = new ArrayList<>();
    private DatabaseFingerprint fingerprint;
    private String current;
    private int sent;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    private record Attempt(String what, String method, String pathAndQuery, String contentType, String body,
                           Map<String, String> headers, boolean mustRefuse) {
    }

    @Test
    void noOperationAnswers5xxOrChangesDataWhenItRefuses() throws Exception {
        Map<String, Http> roles = world();
        fingerprint = new DatabaseFingerprint(jdbc);
        current = fingerprint.take();
        OpenAPI spec = Contract.resolvedSpec();
        Set<String> implemented = implementedOperations();
        Set<String> skipped = new TreeSet<>();
        int fuzzed = 0;
        for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> entry
                    : path.getValue().readOperationsMap().entrySet()) {
                String method = entry.getKey().name();
                if (!implemented.contains(method + " " + path.getKey())) {
                    skipped.add(method + " " + path.getKey());
                    continue;
                }
                fuzzed++;
                List<Parameter> parameters = new ArrayList<>();
                if (path.getValue().getParameters() != null) {
                    parameters.addAll(path.getValue().getParameters());
                }
                if (entry.getValue().getParameters() != null) {
                    parameters.addAll(entry.getValue().getParameters());
                }
                Schema<?> body = bodySchema(entry.getValue());
                for (Map.Entry<String, Http> role : roles.entrySet()) {
                    fuzz(role.getKey(), role.getValue(), method, path.getKey(), parameters, body);
                }
            }
        }
        System.out.println("fuzz: " + sent + " requests over " + fuzzed + " operations x " + roles.size()
                + " roles; not implemented yet, skipped: " + skipped);
        assertThat(fuzzed).isGreaterThan(15);
        assertThat(failures).as("fuzz failures (%d of %d requests)", failures.size(), sent).isEmpty();
    }

    /** Users of every role and real rows for every id the operations take. */
    private Map<String, Http> world() {
        long physics = given.subject("Physics");
        Account teacher = given.teacher("Mona", physics);
        Account assistant = given.assistant("Adel", teacher);
        Account student = given.student("Sara", "100.00");
        Account other = given.student("Omar", "50.00");
        long course = given.course("Mechanics", teacher, physics, "30.00", true);
        given.lecture(course, "Forces", 1);
        long enrollment = given.enrollment(other, course, "pending");
        jdbc.update("INSERT INTO recharge_codes (code, amount, created_by) VALUES ('FUZZCODE0001', 10.00, ?)",
                given.siteOwner().id());
        real.put("course_id", course);
        real.put("subject_id", physics);
        real.put("teacher_id", teacher.id());
        real.put("code", "FUZZCODE0001");
        real.put("email", student.email());
        real.put("password", Fixtures.PASSWORD);
        pathIds.put("users", other.id());
        pathIds.put("by-subject", physics);
        pathIds.put("enrollments", enrollment);
        pathIds.put("courses", course);
        Map<String, Http> roles = new LinkedHashMap<>();
        roles.put("anonymous", http);
        roles.put("siteowner", given.as(given.siteOwner()));
        roles.put("teacher", given.as(teacher));
        roles.put("assistant", given.as(assistant));
        roles.put("student", given.as(student));
        return roles;
    }

    /** "METHOD /path/" of every operation a controller serves. */
    private Set<String> implementedOperations() {
        Set<String> operations = new TreeSet<>();
        handlers.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern ->
                info.getMethodsCondition().getMethods().forEach(m -> operations.add(m.name() + " " + pattern))));
        return operations;
    }

    private static Schema<?> bodySchema(io.swagger.v3.oas.models.Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        return json == null ? null : json.getSchema();
    }

    private void fuzz(String role, Http client, String method, String template, List<Parameter> parameters,
                      Schema<?> body) {
        String path = withIds(template, null);
        String validBody = body == null ? null : JSON.writeValueAsString(validObject(body));
        ApiResponse base = send(role, client, new Attempt("valid request", method, path,
                body == null ? null : "application/json", validBody, Map.of(), false));
        // A caller the operation refuses must be refused whatever it sends; a sample of the input is enough.
        boolean refused = base != null && (base.status() == 401 || base.status() == 403);
        List<Attempt> attempts = new ArrayList<>();
        for (Parameter parameter : parameters) {
            switch (parameter.getIn()) {
                case "path" -> PATH_VALUES.forEach(value -> attempts.add(new Attempt("path " + parameter.getName() + "="
                        + value, method, withIds(template, value), body == null ? null : "application/json", validBody,
                        Map.of(), !value.equals("%20"))));
                case "query" -> QUERY_VALUES.forEach(value -> attempts.add(new Attempt("query " + parameter.getName()
                        + "=" + abbreviate(value), method, path + "?" + parameter.getName() + "=" + value,
                        null, null, Map.of(), false)));
                case "header" -> List.of("", "   ", "k".repeat(256), "' OR 1=1 --", "k".repeat(8000)).forEach(value ->
                        attempts.add(new Attempt("header " + parameter.getName() + "=" + abbreviate(value), method, path,
                                "application/json", validBody, Map.of(parameter.getName(), value), false)));
                default -> {
                }
            }
        }
        if (body != null) {
            attempts.addAll(bodyAttempts(method, path, body, validBody));
        }
        for (Attempt attempt : attempts) {
            if (refused && (attempt.body() != null && attempt.body().length() > 100_000 || random.nextInt(4) != 0)) {
                continue;
            }
            send(role, client, refused ? withMustRefuse(attempt) : attempt);
        }
    }

    private List<Attempt> bodyAttempts(String method, String path, Schema<?> schema, String validBody) {
        List<Attempt> attempts = new ArrayList<>();
        Map<String, Object> valid = validObject(schema);
        boolean anyRequired = schema.getRequired() != null && !schema.getRequired().isEmpty();
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            String name = property.getKey();
            boolean required = schema.getRequired() != null && schema.getRequired().contains(name);
            List<String> values = new ArrayList<>(VALUES);
            values.add(JSON.writeValueAsString(randomText()));
            values.add(JSON.writeValueAsString(randomText()));
            for (String value : values) {
                attempts.add(new Attempt("field " + name + "=" + abbreviate(value), method, path, "application/json",
                        replace(valid, name, value), Map.of(), clearlyInvalid(property.getValue(), required, value)));
            }
            if (required) {
                Map<String, Object> missing = new LinkedHashMap<>(valid);
                missing.remove(name);
                attempts.add(new Attempt("without " + name, method, path, "application/json",
                        JSON.writeValueAsString(missing), Map.of(), true));
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>(valid);
        extra.put("is_staff", true);
        extra.put("role", "siteowner");
        extra.put("wallet_balance", "1000000.00");
        attempts.add(new Attempt("extra fields", method, path, "application/json", JSON.writeValueAsString(extra),
                Map.of(), false));
        for (String malformed : MALFORMED) {
            attempts.add(new Attempt("body " + abbreviate(malformed), method, path, "application/json", malformed,
                    Map.of(), anyRequired || !malformed.isEmpty()));
        }
        for (String contentType : CONTENT_TYPES) {
            attempts.add(new Attempt("content type " + contentType, method, path, contentType.isEmpty() ? null : contentType,
                    // */* and a UTF-16 label on UTF-8 bytes (Jackson detects the encoding) may be read as JSON.
                    validBody, Map.of(), !contentType.equals("*/*") && !contentType.endsWith("utf-16")));
        }
        attempts.add(new Attempt("body over 1 MB", method, path, "application/json",
                "{\"a\": \"" + "x".repeat(1024 * 1024) + "\"}", Map.of(), true));
        return attempts;
    }

    /** Input no reading of the field can accept: the wrong JSON kind, a missing required value, too long, too small. */
    private static boolean clearlyInvalid(Schema<?> field, boolean required, String value) {
        String type = field.getType() == null && field.getTypes() != null ? field.getTypes().iterator().next() : field.getType();
        boolean structured = value.startsWith("{") || value.startsWith("[");
        if (structured && !"object".equals(type) && !"array".equals(type)) {
            return true;
        }
        if ("null".equals(value)) {
            return required && !Boolean.TRUE.equals(field.getNullable());
        }
        if (value.startsWith("\"") && ("integer".equals(type) || "boolean".equals(type))) {
            return !value.matches("\"-?\\d+\"|\"(true|false)\"");
        }
        if ("integer".equals(type) && field.getMinimum() != null && value.matches("-\\d+")) {
            return true;
        }
        return field.getMaxLength() != null && value.length() - 2 > field.getMaxLength() && !value.contains("\\");
    }

    private ApiResponse send(String role, Http client, Attempt attempt) {
        Http sender = client;
        for (Map.Entry<String, String> header : attempt.headers().entrySet()) {
            sender = sender.with(header.getKey(), header.getValue());
        }
        String label = role + " " + attempt.method() + " " + abbreviate(attempt.pathAndQuery()) + " [" + attempt.what() + "]";
        sent++;
        ApiResponse response;
        try {
            response = sender.send(attempt.method(), attempt.pathAndQuery(), attempt.contentType(), attempt.body());
        } catch (AssertionError | RuntimeException e) {
            failures.add(label + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
            current = fingerprint.take();
            return null;
        }
        String after = fingerprint.take();
        if (response.status() >= 500) {
            failures.add(label + ": " + response.status() + " " + response.body());
        } else if (attempt.mustRefuse() && response.status() < 400) {
            failures.add(label + ": accepted with " + response.status());
        } else if (response.status() >= 400 && !after.equals(current)) {
            failures.add(label + ": refused with " + response.status() + " but changed the database");
        }
        current = after;
        return response;
    }

    private static Attempt withMustRefuse(Attempt attempt) {
        return new Attempt(attempt.what(), attempt.method(), attempt.pathAndQuery(), attempt.contentType(),
                attempt.body(), attempt.headers(), true);
    }

    /** The path with its {id} replaced: by {@code value}, or by the id of a real row of the segment before it. */
    private String withIds(String template, String value) {
        String[] segments = template.split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{")) {
                segment = value != null ? value : String.valueOf(pathIds.getOrDefault(segments[i - 1], 1L));
            }
            path.append('/').append(segment);
        }
        return path.append('/').toString();
    }

    /** A body the operation would accept, built from the schema and the real rows. */
    private Map<String, Object> validObject(Schema<?> schema) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        properties.forEach((name, property) -> {
            if (!Boolean.TRUE.equals(property.getReadOnly())) {
                body.put(name, validValue(name, property));
            }
        });
        return body;
    }

    private Object validValue(String name, Schema<?> property) {
        if (real.containsKey(name)) {
            return real.get(name);
        }
        if (property.getEnum() != null && !property.getEnum().isEmpty()) {
            return property.getEnum().get(0);
        }
        if ("email".equals(property.getFormat())) {
            return "fuzz." + random.nextInt(1_000_000) + "@edutrack.test";
        }
        if ("date-time".equals(property.getFormat())) {
            return "2030-01-01T00:00:00Z";
        }
        if (property.getPattern() != null) {
            return "10.00"; // Money is the contract's only pattern.
        }
        return switch (String.valueOf(property.getType())) {
            case "integer", "number" -> 1;
            case "boolean" -> true;
            case "array" -> List.of();
            default -> name.contains("url") ? "https://example.com/" + name : "Fuzz " + name;
        };
    }

    /** The valid body with one field set to a raw JSON value, written as is (1e309 must stay 1e309). */
    private static String replace(Map<String, Object> valid, String field, String jsonValue) {
        Map<String, Object> copy = new LinkedHashMap<>(valid);
        copy.put(field, PLACEHOLDER);
        return JSON.writeValueAsString(copy).replace("\"" + PLACEHOLDER + "\"", jsonValue);
    }

    /** Up to 40 random code points, control characters and the edges of the BMP included. */
    private String randomText() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            text.appendCodePoint(switch (kind) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0xa0 + random.nextInt(0xd7ff - 0xa0);
                default -> 0x10000 + random.nextInt(0x10ffff - 0x10000);
            });
        }
        return text.toString();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 100) + "...(" + oneLine.length() + " chars)";
    }
}
