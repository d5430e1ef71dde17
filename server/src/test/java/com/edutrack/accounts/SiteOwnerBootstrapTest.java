package com.edutrack.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The site owner named by the environment exists after start-up, with a hashed password. */
class SiteOwnerBootstrapTest extends ApiTest {

    @Autowired
    private PasswordEncoder passwords;

    @Autowired
    private SiteOwnerBootstrap bootstrap;

    @Test
    void siteOwnerIsCreatedWithAnArgon2idHash() {
        Map<String, Object> owner = jdbc.queryForMap(
                "SELECT email, password_hash, role, is_active FROM users WHERE role = 'siteowner'");
        assertThat(owner.get("email")).isEqualTo("owner@edutrack.test");
        String hash = (String) owner.get("password_hash");
        assertThat(hash).startsWith("$argon2id$").doesNotContain("Owner-pass-2026");
        assertThat(passwords.matches("Owner-pass-2026", hash)).isTrue();
        assertThat(owner.get("is_active")).isEqualTo(true);
    }

    @Test
    void runningAgainCreatesNoSecondSiteOwner() throws Exception {
        bootstrap.run(null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE role = 'siteowner'", Long.class)).isEqualTo(1);
    }
}
