package com.edutrack.auth;

import com.edutrack.config.DomainMetrics;
import com.edutrack.config.RetryingTransactions;
import com.edutrack.web.ApiException;
import com.edutrack.web.ErrorBodies;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Login, refresh-token rotation and logout (product-spec section 2). A login starts a token family;
 * each refresh blacklists the presented token and issues the next of the family; a blacklisted token
 * presented again revokes the whole family, since someone else holds a copy.
 */
@Service
public class LoginService {

    /** A fresh pair of signed tokens. */
    public record Issued(long userId, String access, String refresh) {
    }

    static final String BAD_CREDENTIALS = "No active account found with the given credentials";
    static final String INACTIVE = "This account is inactive. Contact the site owner.";

    private final AuthMapper accounts;
    private final Tokens tokens;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final RetryingTransactions transactions;
    private final DomainMetrics metrics;
    /** Checked against when the email is unknown, so both refusals take the time of one hash. */
    private final String decoyHash;

    public LoginService(AuthMapper accounts, Tokens tokens, PasswordEncoder passwords, LoginThrottle throttle,
                        RetryingTransactions transactions, DomainMetrics metrics) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.transactions = transactions;
        this.metrics = metrics;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    public Issued login(String email, String password, String clientAddress) {
        long attempt = throttle.attempt(email, clientAddress);
        AuthMapper.Credentials account = accounts.findCredentials(email);
        boolean matches;
        try {
            matches = passwords.matches(password, account == null ? decoyHash : account.passwordHash());
        } catch (RuntimeException e) {
            throttle.forget(attempt);
            throw e;
        }
        if (account == null || !matches) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorBodies.detail(BAD_CREDENTIALS));
        }
        throttle.forget(attempt);
        if (!account.active()) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorBodies.detail(INACTIVE));
        }
        if (passwords.upgradeEncoding(account.passwordHash())) {
            // A Django hash of a migrated user: now that the password is known, it becomes ours.
            accounts.replacePasswordHash(account.id(), account.passwordHash(), passwords.encode(password));
        }
        UUID family = UUID.randomUUID();
        Tokens.Refresh refresh = tokens.nextRefresh(account.id(), family);
        accounts.insertFamily(family, account.id(), refresh.expiresAt());
        return new Issued(account.id(), tokens.access(account.id(), Role.of(account.role())), tokens.sign(refresh));
    }

    /**
     * The next pair of the family, or empty when the token is not one that may be refreshed. The family
     * row is locked before anything else, as logout does: rotations and the logout of one login run one
     * after the other.
     */
    public Optional<Issued> refresh(String refreshToken) {
        Optional<Tokens.Refresh> presented = tokens.readRefresh(refreshToken);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        return transactions.run(() -> rotate(presented.get()));
    }

    private Optional<Issued> rotate(Tokens.Refresh token) {
        if (!accounts.lockLiveFamily(token.family())) {
            return Optional.empty();
        }
        if (accounts.blacklist(token.id(), token.family(), token.expiresAt()) == 0) {
            accounts.revokeFamily(token.family());
            metrics.reuseDetected();
            return Optional.empty();
        }
        AuthMapper.Status status = accounts.findStatus(token.userId());
        if (status == null || !status.active()) {
            accounts.revokeFamily(token.family());
            return Optional.empty();
        }
        Tokens.Refresh next = tokens.nextRefresh(token.userId(), token.family());
        accounts.extendFamily(token.family(), next.expiresAt());
        metrics.refreshed();
        return Optional.of(new Issued(token.userId(), tokens.access(token.userId(), Role.of(status.role())), tokens.sign(next)));
    }

    /**
     * Ends the login the refresh token belongs to; nothing to do without a valid one. Like refresh, it
     * locks the family row first: the blacklist insert's foreign-key check would otherwise hold the
     * token's key while waiting for a refresh that holds the family row and inserts the same token.
     */
    public void logout(String refreshToken) {
        tokens.readRefresh(refreshToken).ifPresent(token -> transactions.run(() -> {
            if (accounts.lockFamily(token.family())) {
                accounts.blacklist(token.id(), token.family(), token.expiresAt());
                accounts.revokeFamily(token.family());
            }
        }));
    }

    /** Locks a deactivated user out: no refresh token of theirs works any more. */
    public void revokeAllOf(long userId) {
        accounts.revokeFamiliesOf(userId);
    }
}
