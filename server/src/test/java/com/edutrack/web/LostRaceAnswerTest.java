package com.edutrack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import com.edutrack.config.RetryingTransactions;
import com.edutrack.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** A write that lost every retry of a lock race is a busy server for the client, not a 500. */
class LostRaceAnswerTest extends ApiTest {

    @Autowired
    private RetryingTransactions transactions;

    @Autowired
    private ApiExceptionHandler handler;

    @Test
    void aWriteThatKeptLosingAnswers503WithRetryAfter() {
        RuntimeException lost = catchRuntimeException(() -> transactions.run(() -> jdbc.execute(
                "DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END $$")));
        ResponseEntity<Map<String, Object>> answer = handler.unexpected(lost,
                new MockHttpServletRequest("POST", "/api/courses/purchases/buy/"));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody()).isEqualTo(Map.of("detail", "Service temporarily unavailable."));
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }
}
