package com.edutrack.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks every response a test receives against {@code openapi/edutrack.yaml}: its status must be
 * documented for the operation and its body must match the documented schema. Requests are not
 * checked, since tests send bad ones on purpose. A request outside the contract (unknown route,
 * wrong method) must still answer with the contract's {@code Detail} error body.
 */
public final class Contract {

    static final Path SPEC = Path.of("..", "openapi", "edutrack.yaml").toAbsolutePath().normalize();

    private static final Set<String> OUTSIDE_CONTRACT = Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");

    private static final OpenAPI API;
    private static final OpenApiInteractionValidator VALIDATOR;
    private static final SchemaValidator SCHEMAS;

    static {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        API = new OpenAPIV3Parser().read(SPEC.toString(), null, options);
        VALIDATOR = OpenApiInteractionValidator.createFor(SPEC.toString())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        SCHEMAS = new SchemaValidator(API, new MessageResolver());
    }

    private Contract() {
    }

    /** The contract with every {@code $ref} inlined, for tests that generate requests from it. */
    public static OpenAPI resolvedSpec() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().read(SPEC.toString(), null, options);
    }

    /** Fails the test unless the response is what the contract says this request may receive. */
    public static void check(String method, URI uri, Map<String, List<String>> requestHeaders, ApiResponse response) {
        if (!uri.getPath().startsWith("/api/") || uri.getPath().startsWith("/api/docs/")
                || uri.getPath().startsWith("/api/schema/") || "OPTIONS".equals(method)) {
            return; // Swagger UI, the raw spec, health, CORS preflight: not API operations.
        }
        String path = uri.getPath().endsWith("/") ? uri.getPath() : uri.getPath() + "/";
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        requestHeaders.forEach(request::withHeader);
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                request.withQueryParam(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        SimpleResponse.Builder built = new SimpleResponse.Builder(response.status());
        response.headers().forEach(built::withHeader);
        if (!response.body().isEmpty()) {
            built.withBody(response.body());
        }
        ValidationReport report = VALIDATOR.validate(request.build(), built.build());
        boolean outside = report.getMessages().stream().anyMatch(m -> OUTSIDE_CONTRACT.contains(m.getKey()));
        if (outside) {
            report = SCHEMAS.validate(response.body(), detailSchema(), "response.body");
        }
        List<String> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .collect(Collectors.toList());
        if (!errors.isEmpty()) {
            throw new AssertionError("Response to " + method + " " + uri + " breaks openapi/edutrack.yaml:\n  "
                    + String.join("\n  ", errors) + "\nstatus " + response.status() + ", body: " + response.body());
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema detailSchema() {
        return API.getComponents().getSchemas().get("Detail");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
