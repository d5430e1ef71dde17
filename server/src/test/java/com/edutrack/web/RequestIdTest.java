package com.edutrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every response carries X-Request-ID, and the log lines of its request carry the same id. */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest extends ApiTest {

    private static final String WELL_FORMED = "[A-Za-z0-9._-]{1,128}";

    @Autowired
    private LoggingSystem logging;

    private static String idOf(ApiResponse response) {
        return response.header("X-Request-ID").orElseThrow();
    }

    @Test
    void aWellFormedIdOfTheCallerIsEchoed() {
        String id = "frontend-7f3a.9_B" + "x".repeat(100);
        assertThat(idOf(http.with("X-Request-ID", id).get("/api/accounts/subjects/"))).isEqualTo(id);
    }

    @Test
    void aMalformedIdIsReplacedByANewOne() {
        for (String bad : List.of("has space", "semi;colon", "<script>", "x".repeat(129), "é-accent")) {
            String answered = idOf(http.with("X-Request-ID", bad).get("/api/accounts/subjects/"));
            assertThat(answered).as(bad).isNotEqualTo(bad).matches(WELL_FORMED);
        }
    }

    @Test
    void withoutAnIdEachRequestGetsItsOwn() {
        String first = idOf(http.get("/api/accounts/subjects/"));
        String second = idOf(http.get("/api/accounts/subjects/"));
        assertThat(first).matches(WELL_FORMED);
        assertThat(second).matches(WELL_FORMED).isNotEqualTo(first);
    }

    @Test
    void errorsCarryTheIdToo() {
        // Spring MVC's 404, Spring Security's 401, and a request Tomcat refuses before any filter runs.
        for (String path : List.of("/api/no-such-route/", "/api/accounts/me/", "/api/accounts/subjects/%00/")) {
            ApiResponse refused = http.with("X-Request-ID", "err-check-1").get(path);
            assertThat(refused.status()).as(path).isGreaterThanOrEqualTo(400);
            assertThat(refused.header("X-Request-ID")).as(path).hasValueSatisfying(id -> assertThat(id).matches(WELL_FORMED));
        }
        assertThat(idOf(http.with("X-Request-ID", "err-check-2").get("/api/accounts/me/"))).isEqualTo("err-check-2");
    }

    /** The captured lines, once one mentions {@code id}: the server logs a request just after answering it. */
    private static List<String> loggedOnceWritten(CapturedOutput output, String id) throws InterruptedException {
        long started = System.nanoTime();
        while (!output.getOut().contains(id) && System.nanoTime() - started < 10_000_000_000L) {
            Thread.sleep(20);
        }
        return Arrays.asList(output.getOut().split("\n"));
    }

    @Test
    void theLogLineOfARequestCarriesItsId(CapturedOutput output) throws InterruptedException {
        LogLevel before = logging.getLoggerConfiguration("edutrack.requests").getEffectiveLevel();
        logging.setLogLevel("edutrack.requests", LogLevel.INFO);
        try {
            assertThat(http.with("X-Request-ID", "log-line-check-4242").get("/api/accounts/subjects/").status())
                    .isEqualTo(200);
            String answered = idOf(http.get("/api/accounts/public/teachers/"));
            List<String> lines = loggedOnceWritten(output, answered);
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("[log-line-check-4242]")
                    .contains("GET /api/accounts/subjects/ 200"));
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("[" + answered + "]")
                    .contains("GET /api/accounts/public/teachers/ 200"));
        } finally {
            logging.setLogLevel("edutrack.requests", before);
        }
    }
}
