package com.edutrack.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.auth.Role;
import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.Http;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Product-spec section 6, the wallet rows: each role and an anonymous caller on every wallet endpoint. */
class WalletRolesTest extends WalletApiTest {

    private final Map<Role, Http> callers = new LinkedHashMap<>();

    @BeforeEach
    void everyRole() {
        Account teacherAccount = given.teacher("Mona", null);
        callers.put(Role.SITEOWNER, given.as(given.siteOwner()));
        callers.put(Role.TEACHER, given.as(teacherAccount));
        callers.put(Role.ASSISTANT, given.as(given.assistant("Hany", teacherAccount)));
        callers.put(Role.STUDENT, given.as(given.student("Sara", "0.00")));
    }

    /** The allowed role gets past the access check; every other role gets 403, no credentials 401. */
    private void onlyAllowed(Role allowed, String method, String path, String body, int allowedStatus) {
        callers.forEach((role, caller) -> {
            ApiResponse response = caller.send(method, path, body == null ? null : "application/json", body);
            if (role == allowed) {
                assertThat(response.status()).as(role + " " + method + " " + path).isEqualTo(allowedStatus);
            } else {
                assertThat(response.status()).as(role + " " + method + " " + path).isEqualTo(403);
                assertThat(response.json().get("detail").asString())
                        .isEqualTo("You do not have permission to perform this action.");
            }
        });
        ApiResponse anonymous = http.send(method, path, body == null ? null : "application/json", body);
        assertThat(anonymous.status()).as("anonymous " + method + " " + path).isEqualTo(401);
        assertThat(anonymous.json().get("detail").asString()).isEqualTo("Authentication credentials were not provided.");
    }

    @Test
    void onlyTheSiteOwnerCreatesRechargeCodes() {
        onlyAllowed(Role.SITEOWNER, "POST", "/api/accounts/recharge-codes/", "{\"amount\": \"10.00\", \"count\": 1}", 201);
    }

    @Test
    void onlyTheSiteOwnerListsRechargeCodes() {
        onlyAllowed(Role.SITEOWNER, "GET", "/api/accounts/recharge-codes/", null, 200);
    }

    @Test
    void onlyStudentsRedeemCodes() {
        onlyAllowed(Role.STUDENT, "POST", "/api/accounts/wallet/redeem/", "{\"code\": \"NOSUCHCODE\"}", 400);
    }

    @Test
    void onlyStudentsListWalletTransactions() {
        onlyAllowed(Role.STUDENT, "GET", "/api/accounts/wallet/transactions/", null, 200);
    }

    @Test
    void onlyStudentsBuyCourses() {
        onlyAllowed(Role.STUDENT, "POST", BUY, "{\"course_id\": 999999}", 400);
    }

    @Test
    void onlyStudentsListPurchases() {
        onlyAllowed(Role.STUDENT, "GET", "/api/courses/purchases/", null, 200);
    }
}
