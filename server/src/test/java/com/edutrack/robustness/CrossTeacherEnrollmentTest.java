package com.edutrack.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A teacher (or their assistant) never sees nor decides another teacher's enrollments (the
 * ownership rule of the contract: 403 on approve/reject, no rows in the list).
 */
class CrossTeacherEnrollmentTest extends ApiTest {

    private Account mona;
    private Account adel;
    private Account adelsAssistant;
    private long monasEnrollment;
    private long monasCourse;

    @BeforeEach
    void monaHasAPendingEnrollment() {
        long physics = given.subject("Physics");
        mona = given.teacher("Mona", physics);
        adel = given.teacher("Adel", physics);
        adelsAssistant = given.assistant("Hala", adel);
        monasCourse = given.course("Mechanics", mona, physics, "0.00", true);
        given.course("Optics", adel, physics, "0.00", true);
        monasEnrollment = given.enrollment(given.student("Sara", "0.00"), monasCourse, "pending");
    }

    private String status() {
        return jdbc.queryForObject("SELECT status FROM enrollments WHERE id = ?", String.class, monasEnrollment);
    }

    @Test
    void anotherTeacherOrTheirAssistantCannotApproveOrReject() {
        for (Http caller : new Http[] {given.as(adel), given.as(adelsAssistant)}) {
            for (String decision : new String[] {"approve", "reject"}) {
                ApiResponse response = caller.post("/api/courses/enrollments/" + monasEnrollment + "/" + decision + "/", null);
                assertThat(response.status()).isEqualTo(403);
            }
        }
        assertThat(status()).isEqualTo("pending");
    }

    @Test
    void anotherTeachersEnrollmentsAreNotListedWhateverTheFilter() {
        for (Http caller : new Http[] {given.as(adel), given.as(adelsAssistant)}) {
            for (String query : new String[] {"", "?course=" + monasCourse, "?status=pending", "?all=true"}) {
                ApiResponse list = caller.get("/api/courses/enrollments/" + query);
                assertThat(list.status()).isIn(200, 403);
                if (list.status() == 200) {
                    assertThat(list.json().get("count").asLong()).isZero();
                }
            }
        }
        assertThat(given.as(mona).get("/api/courses/enrollments/").json().get("count").asLong()).isEqualTo(1);
    }
}
