package com.edutrack.enrollments;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.School;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/courses/enrollments/: who sees which enrollments, and the filters. */
class EnrollmentListTest extends ApiTest {

    private static final String LIST = "/api/courses/enrollments/";

    private School school;
    private Account otherStudent;
    private long mine;
    private long mineRejected;
    private long othersPending;
    private long otherStudentsApproved;

    @BeforeEach
    void enrollments() {
        school = School.of(given);
        otherStudent = given.student("Youssef", "0");
        mine = given.enrollment(school.student(), school.published(), "pending");
        mineRejected = given.enrollment(school.student(), school.othersPublished(), "rejected");
        othersPending = given.enrollment(otherStudent, school.othersUnpublished(), "pending");
        otherStudentsApproved = given.enrollment(otherStudent, school.unpublished(), "approved");
    }

    private List<Long> listedFor(Account account, String query) {
        ApiResponse response = given.as(account).get(LIST + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().get("results").forEach(enrollment -> ids.add(enrollment.get("id").asLong()));
        return ids;
    }

    @Test
    void siteOwnerSeesEveryEnrollmentNewestFirst() {
        assertThat(listedFor(given.siteOwner(), "")).containsExactly(otherStudentsApproved, othersPending, mineRejected, mine);
    }

    @Test
    void studentSeesOwnEnrollments() {
        assertThat(listedFor(school.student(), "")).containsExactly(mineRejected, mine);
        assertThat(listedFor(otherStudent, "?all=true")).containsExactly(otherStudentsApproved, othersPending);
    }

    @Test
    void teacherSeesTheEnrollmentsOfOwnCourses() {
        assertThat(listedFor(school.teacher(), "")).containsExactly(otherStudentsApproved, mine);
        assertThat(listedFor(school.otherTeacher(), "")).containsExactly(othersPending, mineRejected);
    }

    @Test
    void assistantSeesTheEnrollmentsOfTheirTeachersCourses() {
        assertThat(listedFor(school.assistant(), "")).containsExactly(otherStudentsApproved, mine);
        assertThat(listedFor(school.otherAssistant(), "")).containsExactly(othersPending, mineRejected);
    }

    @Test
    void statusFilterKeepsThatStatus() {
        assertThat(listedFor(given.siteOwner(), "?status=pending")).containsExactly(othersPending, mine);
        assertThat(listedFor(school.teacher(), "?status=approved")).containsExactly(otherStudentsApproved);
    }

    @Test
    void courseFilterKeepsThatCourseWithinWhatTheCallerSees() {
        assertThat(listedFor(given.siteOwner(), "?course=" + school.published())).containsExactly(mine);
        assertThat(listedFor(school.otherTeacher(), "?course=" + school.published())).isEmpty();
    }

    @Test
    void decidedEnrollmentShowsWhoDecided() {
        jdbc.update("UPDATE enrollments SET decided_by = ? WHERE id = ?", school.assistant().id(), otherStudentsApproved);
        var enrollment = given.as(school.teacher()).get(LIST + "?status=approved").json().get("results").get(0);
        assertThat(enrollment.get("decided_by").get("id").asLong()).isEqualTo(school.assistant().id());
        assertThat(enrollment.get("decided_by").get("full_name").asString()).isEqualTo("Omar Tester");
        assertThat(enrollment.get("decided_at").isNull()).isFalse();
    }

    @Test
    void unknownStatusIsAFieldError() {
        ApiResponse response = given.as(given.siteOwner()).get(LIST + "?status=maybe");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("status").get(0).asString())
                .isEqualTo("Select a valid choice. maybe is not one of the available choices.");
    }

    @Test
    void anonymousCallerIsNotAuthenticated() {
        assertThat(http.get(LIST).status()).isEqualTo(401);
    }
}
