package com.edutrack.accounts;

import com.edutrack.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the site owner from {@code EDUTRACK_SITEOWNER_EMAIL} and {@code EDUTRACK_SITEOWNER_PASSWORD}
 * when the database has none, so a new installation can be administered at once.
 */
@Component
public class SiteOwnerBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SiteOwnerBootstrap.class);

    private final UserMapper users;
    private final PasswordEncoder passwords;
    private final String email;
    private final String password;

    public SiteOwnerBootstrap(UserMapper users, PasswordEncoder passwords,
                              @Value("${edutrack.siteowner.email:}") String email,
                              @Value("${edutrack.siteowner.password:}") String password) {
        this.users = users;
        this.passwords = passwords;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(email) || !StringUtils.hasText(password)) {
            return;
        }
        if (users.existsWithRole(Role.SITEOWNER.value())) {
            return;
        }
        try {
            users.insert(new NewUser(email.strip(), passwords.encode(password), "Site", "Owner", "", Role.SITEOWNER));
            log.info("Created the site owner {}", email.strip());
        } catch (DuplicateKeyException e) {
            // Another instance created it first, or the email belongs to another account.
            log.warn("An account with the email {} already exists: no site owner created", email.strip());
        }
    }
}
