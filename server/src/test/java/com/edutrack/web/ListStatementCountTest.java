package com.edutrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.School;
import com.edutrack.testing.StatementCounter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every list endpoint answers in at most two SQL statements (a count and one page or cursor),
 * whatever the page size and the number of rows; a kept page (VersionedCache) in one, reading its version.
 */
class ListStatementCountTest extends ApiTest {

    private static final int ROWS = 250;
    private static final List<String> PAGINATIONS = List.of("page_size=1", "page_size=200", "page=2&page_size=200", "all=true");

    @Autowired
    private StatementCounter statements;

    private School school;
    private Account richStudent;

    @BeforeEach
    void manyRows() {
        school = School.of(given);
        jdbc.update("""
                INSERT INTO courses (title, description, subject_id, teacher_id, price, is_published)
                SELECT 'Course ' || n, 'About ' || n, ?, ?, 10, n % 3 <> 0 FROM generate_series(1, ?) n""",
                school.physics(), school.teacher().id(), ROWS);
        jdbc.update("""
                INSERT INTO lectures (course_id, title, video_url, position)
                SELECT ?, 'Lecture ' || n, 'https://videos.example/' || n, n FROM generate_series(1, ?) n""",
                school.published(), ROWS);
        jdbc.update("""
                INSERT INTO enrollments (student_id, course_id, status, decided_at)
                SELECT ?, id, 'approved', now() FROM courses WHERE teacher_id = ?""",
                school.student().id(), school.teacher().id());
        jdbc.update("INSERT INTO subjects (name) SELECT 'Subject ' || n FROM generate_series(1, ?) n", ROWS);
        for (String role : List.of("teacher", "assistant", "student")) {
            jdbc.update("""
                    INSERT INTO users (email, password_hash, first_name, role)
                    SELECT ? || n || '@many.test', 'not a hash', initcap(?), ? FROM generate_series(1, ?) n""",
                    role, role, role, ROWS);
        }
        jdbc.update("INSERT INTO teacher_profiles (user_id) SELECT id FROM users WHERE email LIKE 'teacher%@many.test'");
        jdbc.update("INSERT INTO assistant_profiles (user_id, teacher_id) SELECT id, ? FROM users WHERE email LIKE 'assistant%@many.test'",
                school.teacher().id());
        jdbc.update("INSERT INTO student_profiles (user_id) SELECT id FROM users WHERE email LIKE 'student%@many.test'");
        jdbc.update("INSERT INTO recharge_codes (code, amount) SELECT 'CODE' || n, 10 FROM generate_series(1, ?) n", ROWS);
        richStudent = given.student("Rich", "0.00");
        jdbc.update("""
                INSERT INTO ledger_entries (student_id, kind, amount, balance_after, reference)
                SELECT ?, 'recharge', 1, n, 'test' FROM generate_series(1, ?) n ORDER BY n""", richStudent.id(), ROWS);
        jdbc.update("UPDATE student_profiles SET wallet_balance = ? WHERE user_id = ?", ROWS, richStudent.id());
        jdbc.update("""
                INSERT INTO purchases (student_id, course_id, amount)
                SELECT ?, id, 0 FROM courses WHERE teacher_id = ?""", richStudent.id(), school.teacher().id());
    }

    private void assertAtMostTwoStatements(Account account, String path) {
        for (String pagination : PAGINATIONS) {
            String url = path + (path.contains("?") ? "&" : "?") + pagination;
            ApiResponse[] response = new ApiResponse[1];
            List<String> run = statements.during(() -> response[0] = given.as(account).get(url));
            assertThat(response[0].status()).as(url + " " + response[0].body()).isEqualTo(200);
            assertThat(response[0].json().get("count").asInt()).as(url).isGreaterThan(200);
            assertThat(run).as(url).hasSizeBetween(1, 2);
        }
    }

    @Test
    void courseListRunsAtMostTwoStatements() {
        assertAtMostTwoStatements(school.assistant(), "/api/courses/");
        assertAtMostTwoStatements(school.teacher(), "/api/courses/?search=course");
    }

    @Test
    void coursesBySubjectRunsAtMostTwoStatements() {
        assertAtMostTwoStatements(school.teacher(), "/api/courses/by-subject/" + school.physics() + "/");
    }

    @Test
    void lectureListRunsAtMostTwoStatements() {
        assertAtMostTwoStatements(school.student(), "/api/courses/" + school.published() + "/lectures/");
    }

    @Test
    void enrollmentListRunsAtMostTwoStatements() {
        assertAtMostTwoStatements(school.assistant(), "/api/courses/enrollments/");
        assertAtMostTwoStatements(school.student(), "/api/courses/enrollments/?status=approved");
        assertAtMostTwoStatements(given.siteOwner(), "/api/courses/enrollments/");
    }

    @Test
    void accountListsRunAtMostTwoStatements() {
        assertAtMostTwoStatements(school.student(), "/api/accounts/subjects/");
        assertAtMostTwoStatements(school.student(), "/api/accounts/public/teachers/");
        assertAtMostTwoStatements(given.siteOwner(), "/api/accounts/teachers/?search=teacher");
        assertAtMostTwoStatements(given.siteOwner(), "/api/accounts/assistants/");
        assertAtMostTwoStatements(school.teacher(), "/api/accounts/assistants/");
        assertAtMostTwoStatements(given.siteOwner(), "/api/accounts/students/?search=student");
    }

    @Test
    void walletListsRunAtMostTwoStatements() {
        assertAtMostTwoStatements(given.siteOwner(), "/api/accounts/recharge-codes/");
        assertAtMostTwoStatements(richStudent, "/api/accounts/wallet/transactions/");
        assertAtMostTwoStatements(richStudent, "/api/courses/purchases/");
    }

    @Test
    void counterSeesTheStatementsOfARequest() {
        List<String> run = statements.during(() -> given.as(school.teacher()).get("/api/courses/?page_size=1"));
        assertThat(run).containsExactly("com.edutrack.courses.CourseMapper.count", "com.edutrack.courses.CourseMapper.page");
    }

    /** The course list of a student or the site owner is kept while the catalogue's version holds. */
    @Test
    void aKeptPageOfCoursesIsAnsweredAfterReadingOnlyTheCatalogueVersion() {
        String version = "com.edutrack.courses.CourseMapper.catalogueVersion";
        String count = "com.edutrack.courses.CourseMapper.count";
        String page = "com.edutrack.courses.CourseMapper.page";
        for (Account viewer : List.of(school.student(), given.siteOwner())) {
            String url = "/api/courses/?page=2&page_size=7";
            ApiResponse[] first = new ApiResponse[1];
            assertThat(statements.during(() -> first[0] = given.as(viewer).get(url))).containsExactly(version, count, page);
            ApiResponse[] again = new ApiResponse[1];
            assertThat(statements.during(() -> again[0] = given.as(viewer).get(url))).containsExactly(version);
            assertThat(again[0].body()).isEqualTo(first[0].body());

            given.lecture(school.othersPublished(), "One more for " + viewer.role(), 1);
            assertThat(statements.during(() -> given.as(viewer).get(url))).containsExactly(version, version, count, page);
        }
    }

    /** The dashboard is kept for each viewer while their teacher's dashboard version holds. */
    @Test
    void aKeptDashboardIsAnsweredAfterReadingOnlyItsVersion() {
        String version = "com.edutrack.dashboard.DashboardMapper.version";
        List<String> computed = List.of(version, "com.edutrack.dashboard.DashboardMapper.teacher",
                "com.edutrack.dashboard.DashboardMapper.courses", "com.edutrack.enrollments.EnrollmentMapper.recentPending");
        String url = "/api/courses/dashboard/teacher/";
        assertThat(statements.during(() -> given.as(school.assistant()).get(url))).containsExactlyElementsOf(computed);
        assertThat(statements.during(() -> given.as(school.assistant()).get(url))).containsExactly(version);

        // Another teacher's activity leaves it kept; its own teacher's does not.
        given.enrollment(richStudent, school.othersPublished(), "pending");
        assertThat(statements.during(() -> given.as(school.assistant()).get(url))).containsExactly(version);
        given.enrollment(given.student("New", "0"), school.published(), "pending");
        List<String> afterWrite = new ArrayList<>(List.of(version));
        afterWrite.addAll(computed);
        assertThat(statements.during(() -> given.as(school.assistant()).get(url))).containsExactlyElementsOf(afterWrite);
    }
}
