package com.edutrack.auth;

import com.edutrack.accounts.UserMapper;
import com.edutrack.api.AuthApi;
import com.edutrack.api.model.LoginRequest;
import com.edutrack.api.model.LoginResponse;
import com.edutrack.api.model.Message;
import com.edutrack.api.model.RefreshRequest;
import com.edutrack.api.model.User;
import com.edutrack.config.DomainMetrics;
import com.edutrack.config.DomainMetrics.LoginOutcome;
import com.edutrack.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AuthController implements AuthApi {

    private final LoginService logins;
    private final AuthCookies cookies;
    private final UserMapper users;
    private final HttpServletRequest request;
    private final DomainMetrics metrics;

    public AuthController(LoginService logins, AuthCookies cookies, UserMapper users, HttpServletRequest request,
                          DomainMetrics metrics) {
        this.logins = logins;
        this.cookies = cookies;
        this.users = users;
        this.request = request;
        this.metrics = metrics;
    }

    @Override
    @Allowed(publicAccess = true)
    public ResponseEntity<LoginResponse> login(LoginRequest loginRequest) {
        LoginService.Issued issued;
        try {
            issued = logins.login(loginRequest.getEmail(), loginRequest.getPassword(), request.getRemoteAddr());
        } catch (ApiException refused) {
            LoginOutcome outcome = switch (refused.status()) {
                case UNAUTHORIZED -> LoginOutcome.WRONG_PASSWORD;
                case FORBIDDEN -> LoginOutcome.INACTIVE;
                case TOO_MANY_REQUESTS -> LoginOutcome.THROTTLED;
                default -> null; // a malformed body, or busy (503): no verdict on the password
            };
            if (outcome != null) {
                metrics.login(outcome);
            }
            throw refused;
        }
        metrics.login(LoginOutcome.OK);
        return ResponseEntity.ok().headers(cookies.issue(issued.access(), issued.refresh()))
                .body(new LoginResponse().message("Login successful").user(users.findUser(issued.userId())));
    }

    @Override
    @Allowed(publicAccess = true)
    public ResponseEntity<Message> refreshToken(RefreshRequest refreshRequest) {
        LoginService.Issued issued = presentedRefreshToken(refreshRequest).flatMap(logins::refresh)
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, Map.of("error", "Invalid or expired refresh token")));
        return ResponseEntity.ok().headers(cookies.issue(issued.access(), issued.refresh()))
                .body(new Message().message("Token refreshed"));
    }

    @Override
    @Allowed(publicAccess = true)
    public ResponseEntity<Message> logout() {
        AuthenticationFilter.cookie(request, AuthCookies.REFRESH).ifPresent(logins::logout);
        return ResponseEntity.ok().headers(cookies.clear()).body(new Message().message("Logged out"));
    }

    @Override
    @Allowed({Role.SITEOWNER, Role.TEACHER, Role.ASSISTANT, Role.STUDENT})
    public ResponseEntity<User> getMe() {
        return ResponseEntity.ok(users.findUser(Authentication.required().id()));
    }

    /** The cookie, or for non-browser clients {"refresh": "..."} in the body. */
    private Optional<String> presentedRefreshToken(RefreshRequest body) {
        Optional<String> cookie = AuthenticationFilter.cookie(request, AuthCookies.REFRESH);
        if (cookie.isPresent()) {
            return cookie;
        }
        return Optional.ofNullable(body).map(RefreshRequest::getRefresh);
    }
}
