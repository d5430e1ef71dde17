package com.edutrack.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * No student reads or changes another student's purchases, ledger, profile or account, whatever ids
 * or filters they put in the request. (Enrollments between teachers: {@link CrossTeacherEnrollmentTest}.)
 */
class IsolationTest extends ApiTest {

    private Account sara;
    private Account omar;
    private long course;

    @BeforeEach
    void saraHasAPurchaseAndOmarHasNothing() {
        sara = given.student("Sara", "100.00");
        omar = given.student("Omar", "5.00");
        long physics = given.subject("Physics");
        course = given.course("Mechanics", given.teacher("Mona", physics), physics, "60.00", true);
        assertThat(given.as(sara).post("/api/courses/purchases/buy/", "{\"course_id\": " + course + "}").status())
                .isEqualTo(201);
    }

    private static List<Long> ids(ApiResponse list) {
        assertThat(list.status()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        for (JsonNode row : list.json().get("results")) {
            ids.add(row.get("id").asLong());
        }
        return ids;
    }

    private List<Long> rows(String sql, Account student) {
        return jdbc.queryForList(sql, Long.class, student.id());
    }

    @Test
    void aStudentSeesOnlyTheirOwnLedgerAndPurchasesWhateverTheQuery() {
        Http asOmar = given.as(omar);
        List<Long> omarsLedger = rows("SELECT id FROM ledger_entries WHERE student_id = ?", omar);
        List<Long> sarasLedger = rows("SELECT id FROM ledger_entries WHERE student_id = ?", sara);
        String sneaky = "?student=" + sara.id() + "&student_id=" + sara.id() + "&user=" + sara.id();
        for (String query : List.of("", sneaky, "?all=true", "?all=true&" + sneaky.substring(1))) {
            assertThat(ids(asOmar.get("/api/accounts/wallet/transactions/" + query)))
                    .containsExactlyInAnyOrderElementsOf(omarsLedger).doesNotContainAnyElementsOf(sarasLedger);
            assertThat(ids(asOmar.get("/api/courses/purchases/" + query))).isEmpty();
        }
        assertThat(ids(given.as(sara).get("/api/courses/purchases/"))).hasSize(1);
    }

    @Test
    void aStudentsProfileIsTheirOwnWhateverTheQuery() {
        ApiResponse profile = given.as(omar).get("/api/accounts/profile/me/?id=" + sara.id() + "&user_id=" + sara.id());
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("wallet_balance").asString()).isEqualTo("5.00");
        ApiResponse me = given.as(omar).get("/api/accounts/me/?id=" + sara.id());
        assertThat(me.json().get("id").asLong()).isEqualTo(omar.id());
    }

    @Test
    void noStudentOrTeacherChangesAnotherUsersAccount() {
        for (Http caller : List.of(given.as(omar), given.as(given.teacher("Adel", given.subject("Maths"))))) {
            ApiResponse block = caller.patch("/api/accounts/users/" + sara.id() + "/", "{\"is_active\": false}");
            assertThat(block.status()).isEqualTo(403);
        }
        assertThat(jdbc.queryForObject("SELECT is_active FROM users WHERE id = ?", Boolean.class, sara.id())).isTrue();
    }

    @Test
    void aBuyAlwaysDebitsTheCaller() {
        ApiResponse buy = given.as(omar).post("/api/courses/purchases/buy/",
                "{\"course_id\": " + course + ", \"student_id\": " + sara.id() + ", \"student\": " + sara.id() + "}");
        assertThat(buy.status()).isEqualTo(400);
        assertThat(buy.json().get("error").asString()).isEqualTo("Insufficient wallet balance.");
        assertThat(rows("SELECT id FROM purchases WHERE student_id = ?", sara)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT wallet_balance::text FROM student_profiles WHERE user_id = ?",
                String.class, sara.id())).isEqualTo("40.00");
    }
}
