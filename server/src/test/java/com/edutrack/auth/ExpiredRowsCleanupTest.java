package com.edutrack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Expired token rows and old login failures are deleted; live ones stay. */
class ExpiredRowsCleanupTest extends ApiTest {

    @Autowired
    private ExpiredRowsCleanup cleanup;

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    @Test
    void expiredRowsGoAndLiveRowsStay() {
        Fixtures.Account student = given.student("Sara", "0.00");
        jdbc.update("INSERT INTO refresh_token_families (id, user_id, expires_at) "
                + "SELECT gen_random_uuid(), ?, now() - interval '1 day' FROM generate_series(1, 2500)", student.id());
        jdbc.update("INSERT INTO refresh_token_families (id, user_id, expires_at) VALUES (gen_random_uuid(), ?, now() + interval '1 day')",
                student.id());
        jdbc.update("INSERT INTO refresh_token_blacklist (jti, family_id, expires_at) "
                + "SELECT gen_random_uuid(), id, now() - interval '1 hour' FROM refresh_token_families WHERE expires_at > now()");
        jdbc.update("INSERT INTO refresh_token_blacklist (jti, family_id, expires_at) "
                + "SELECT gen_random_uuid(), id, now() + interval '1 hour' FROM refresh_token_families WHERE expires_at > now()");
        jdbc.update("INSERT INTO login_failures (email, client_address, failed_at) "
                + "SELECT 'a@b.c', '127.0.0.1', now() - interval '2 minutes' FROM generate_series(1, 1500)");
        jdbc.update("INSERT INTO login_failures (email, client_address) VALUES ('a@b.c', '127.0.0.1')");
        jdbc.update("INSERT INTO registration_attempts (client_address, attempted_at) "
                + "SELECT '127.0.0.1', now() - interval '2 minutes' FROM generate_series(1, 1500)");
        jdbc.update("INSERT INTO registration_attempts (client_address) VALUES ('127.0.0.1')");

        cleanup.run();

        assertThat(count("refresh_token_families")).isEqualTo(1);
        assertThat(count("refresh_token_blacklist")).isEqualTo(1);
        assertThat(count("login_failures")).isEqualTo(1);
        assertThat(count("registration_attempts")).isEqualTo(1);
    }
}
