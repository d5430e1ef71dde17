package com.edutrack.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;

/** What the wallet tests share: a course to buy, the ledger invariant, and real concurrent requests. */
abstract class WalletApiTest extends ApiTest {

    protected static final String BUY = "/api/courses/purchases/buy/";

    protected Account teacher;
    protected long subject;

    protected long publishedCourse(String title, String price) {
        if (teacher == null) {
            subject = given.subject("Physics");
            teacher = given.teacher("Mona", subject);
        }
        return given.course(title, teacher, subject, price, true);
    }

    protected ApiResponse buy(Account student, long courseId) {
        return given.as(student).post(BUY, "{\"course_id\": " + courseId + "}");
    }

    protected String balance(Account student) {
        return jdbc.queryForObject("SELECT wallet_balance::text FROM student_profiles WHERE user_id = ?", String.class,
                student.id());
    }

    protected int count(String table, Account student) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE student_id = ?", Integer.class, student.id());
    }

    /** After every test: each wallet balance is the sum of its ledger and the newest entry's balance_after. */
    @AfterEach
    void ledgerInvariantHolds() {
        List<Long> broken = jdbc.queryForList("""
                SELECT s.user_id FROM student_profiles s
                LEFT JOIN LATERAL (SELECT coalesce(sum(amount), 0) AS total FROM ledger_entries
                                   WHERE student_id = s.user_id) t ON true
                LEFT JOIN LATERAL (SELECT balance_after FROM ledger_entries
                                   WHERE student_id = s.user_id ORDER BY id DESC LIMIT 1) l ON true
                WHERE s.wallet_balance <> t.total OR s.wallet_balance <> coalesce(l.balance_after, 0)""", Long.class);
        assertThat(broken).as("students whose balance disagrees with their ledger").isEmpty();
    }

    /** Sends {@code n} requests at once from {@code n} threads, released together by one latch. */
    protected static List<ApiResponse> concurrently(int n, IntFunction<ApiResponse> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }

    protected static long statusCount(List<ApiResponse> responses, int status) {
        return responses.stream().filter(r -> r.status() == status).count();
    }
}
