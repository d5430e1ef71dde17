package com.edutrack.contract;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.edutrack.auth.LoginService;
import com.edutrack.auth.Tokens;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.School;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Verifies the pact the frontend's consumer tests wrote (target/pacts/, made earlier in this
 * module's build) against the real server: the whole application on a random port, its filter
 * chain, the embedded PostgreSQL. ApiTest empties the database before each interaction; the state
 * handlers then create what the interaction names and return the values its request refers to
 * ({@code ${studentToken}}, {@code ${courseId}}, ...), which pact injects into the request.
 */
@Provider("edutrack-api")
@PactFolder("target/pacts")
// Its "not all interactions verified" warnings concern publishing results to a broker: there is none.
@TestPropertySource(properties = "logging.level.au.com.dius.pact.provider.DefaultTestResultAccumulator=ERROR")
class PactProviderTest extends ApiTest {

    @Autowired
    private Tokens tokens;

    @Autowired
    private LoginService logins;

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("localhost", port));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void serverHonoursTheFrontendsPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State("a school: two subjects, two teachers with an assistant each, published and draft courses, and a student with 500.00 in the wallet")
    Map<String, Object> school() {
        return values(School.of(given));
    }

    @State("a student with an approved enrollment in a published course that has lectures")
    Map<String, Object> approvedStudent() {
        School school = School.of(given);
        given.lecture(school.published(), "Newton's laws", 1);
        given.lecture(school.published(), "Momentum", 2);
        given.enrollment(school.student(), school.published(), "approved");
        return values(school);
    }

    @State("a student with a pending enrollment in a published course")
    Map<String, Object> pendingStudent() {
        School school = School.of(given);
        Map<String, Object> values = values(school);
        values.put("enrollmentId", given.enrollment(school.student(), school.published(), "pending"));
        return values;
    }

    @State("a student with an empty wallet and a published course priced 150.00")
    Map<String, Object> brokeStudent() {
        School school = School.of(given);
        Map<String, Object> values = values(school);
        values.put("studentToken", token(given.student("Karim", "0.00")));
        return values;
    }

    @State("a student who has logged in and holds a live refresh token")
    Map<String, Object> loggedInStudent() {
        School school = School.of(given);
        Map<String, Object> values = values(school);
        values.put("refreshToken", logins.login(school.student().email(), Fixtures.PASSWORD, "127.0.0.1").refresh());
        return values;
    }

    /** What the requests of every state may refer to: ids of the school and access tokens of its people. */
    private Map<String, Object> values(School school) {
        Map<String, Object> values = new HashMap<>();
        values.put("subjectId", school.physics());
        values.put("courseId", school.published());
        values.put("teacherId", school.teacher().id());
        values.put("studentEmail", school.student().email());
        values.put("ownerToken", token(given.siteOwner()));
        values.put("teacherToken", token(school.teacher()));
        values.put("otherTeacherToken", token(school.otherTeacher()));
        values.put("studentToken", token(school.student()));
        return values;
    }

    private String token(Account account) {
        return tokens.access(account.id(), account.role());
    }
}
