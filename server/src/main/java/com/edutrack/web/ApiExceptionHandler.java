package com.edutrack.web;

import com.edutrack.config.DomainMetrics;
import com.edutrack.config.RetryingTransactions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.math.BigInteger;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of every endpoint, Spring's own included, leaves as a DRF body (product-spec section 4):
 * never Spring's default error JSON, a stack trace or SQL.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final DomainMetrics metrics;

    public ApiExceptionHandler(DomainMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> apiException(ApiException e) {
        return ResponseEntity.status(e.status()).headers(e.headers()).body(e.body());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Map<String, Object>> unknownRoute() {
        return error(HttpStatus.NOT_FOUND, ErrorBodies.detail(ErrorBodies.NOT_FOUND));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        HttpHeaders headers = new HttpHeaders();
        Set<org.springframework.http.HttpMethod> allowed = e.getSupportedHttpMethods();
        if (allowed != null) {
            headers.setAllow(allowed);
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers)
                .body(ErrorBodies.detail(ErrorBodies.methodNotAllowed(e.getMethod())));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String contentType = request.getContentType() == null ? "" : request.getContentType();
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorBodies.detail(ErrorBodies.unsupportedMediaType(contentType)));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable() {
        return error(HttpStatus.NOT_ACCEPTABLE, ErrorBodies.detail("Could not satisfy the request Accept header."));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge() {
        return error(HttpStatus.CONTENT_TOO_LARGE, ErrorBodies.detail(ErrorBodies.TOO_LARGE));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadableBody(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return tooLarge();
            }
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            JacksonException.Reference reference = mismatch.getPath().get(0);
            String field = reference.getPropertyName();
            if (field != null) {
                Object value = mismatch instanceof InvalidFormatException invalid ? invalid.getValue() : null;
                return error(HttpStatus.BAD_REQUEST, fieldError(field, value instanceof BigInteger beyondItsType
                        ? FieldMessages.outOfRange(owner(reference), field, mismatch.getTargetType(), beyondItsType)
                        : FieldMessages.wrongType(mismatch.getTargetType(), value)));
            }
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
            // The body parsed, but is not a JSON object.
            return error(HttpStatus.BAD_REQUEST, fieldError("non_field_errors",
                    "Invalid data. Expected a dictionary, but got " + FieldMessages.jsonKind(mismatch) + "."));
        }
        String reason = e.getCause() instanceof JacksonException json ? json.getOriginalMessage() : "Expecting a JSON body";
        return error(HttpStatus.BAD_REQUEST, ErrorBodies.detail("JSON parse error - " + reason));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalidBody(MethodArgumentNotValidException e) {
        Class<?> target = e.getParameter().getParameterType();
        Map<String, Object> errors = new LinkedHashMap<>();
        Set<String> unparsed = new HashSet<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            if (FieldMessages.supersedesOthers(error.unwrap(ConstraintViolation.class))) {
                unparsed.add(error.getField());
            }
        }
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            ConstraintViolation<?> violation = error.unwrap(ConstraintViolation.class);
            if (!unparsed.contains(error.getField()) || FieldMessages.supersedesOthers(violation)) {
                add(errors, FieldMessages.jsonName(target, error.getField()), FieldMessages.forViolation(violation));
            }
        }
        return error(HttpStatus.BAD_REQUEST, errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, Object>> invalidParameter(ConstraintViolationException e) {
        Map<String, Object> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            add(errors, FieldMessages.snakeCase(path.substring(path.lastIndexOf('.') + 1)), FieldMessages.forViolation(violation));
        }
        return error(HttpStatus.BAD_REQUEST, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> invalidParameter(HandlerMethodValidationException e) {
        Map<String, Object> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                add(errors, FieldMessages.parameterName(result.getMethodParameter()),
                        FieldMessages.forViolation(result.unwrap(error, ConstraintViolation.class)))));
        return error(HttpStatus.BAD_REQUEST, errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> wrongParameterType(MethodArgumentTypeMismatchException e) {
        MethodParameter parameter = e.getParameter();
        if (parameter.hasParameterAnnotation(PathVariable.class)) {
            // Like Django's <int:pk>: a path that does not parse is a path that does not exist.
            return error(HttpStatus.NOT_FOUND, ErrorBodies.detail(ErrorBodies.NOT_FOUND));
        }
        String name = FieldMessages.parameterName(parameter);
        if (PageRequest.PAGE.equals(name)) {
            return error(HttpStatus.NOT_FOUND, ErrorBodies.detail(ErrorBodies.INVALID_PAGE));
        }
        return error(HttpStatus.BAD_REQUEST, fieldError(name, FieldMessages.wrongType(parameter.getParameterType(), e.getValue())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, fieldError(e.getParameterName(), ErrorBodies.REQUIRED));
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<Map<String, Object>> badRequest(ServletRequestBindingException e) {
        return error(HttpStatus.BAD_REQUEST, ErrorBodies.detail("Bad request."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        if (RetryingTransactions.lostRace(e)) {
            // Still a deadlock or serialization loser after the retries: busy, try again shortly.
            log.warn("Lock race lost on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return apiException(ApiException.busy(1));
        }
        if (isDatabaseUnavailable(e)) {
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            metrics.databaseUnavailable();
            return error(HttpStatus.SERVICE_UNAVAILABLE, ErrorBodies.detail(ErrorBodies.UNAVAILABLE));
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, ErrorBodies.detail(ErrorBodies.INTERNAL_ERROR));
    }

    /** Whether the failure is the database being out of reach (down, restarting, no free connection). */
    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** The class whose property a Jackson error is about: the bean being read, or its class. */
    private static Class<?> owner(JacksonException.Reference reference) {
        Object from = reference.from();
        return from instanceof Class<?> type ? type : from == null ? Object.class : from.getClass();
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> errors, String field, String message) {
        ((List<String>) errors.computeIfAbsent(field, k -> new ArrayList<String>())).add(message);
    }

    private static Map<String, Object> fieldError(String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        add(body, field, message);
        return body;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, Map<String, Object> body) {
        return ResponseEntity.status(status).body(body);
    }
}
