package com.edutrack.auth;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The two HttpOnly cookies of product-spec section 2: {@code access_token} on {@code /} and
 * {@code refresh_token} on {@code /api/accounts/}; {@code Secure} and {@code SameSite} from configuration.
 */
@Component
public class AuthCookies {

    public static final String ACCESS = "access_token";
    public static final String REFRESH = "refresh_token";
    static final String ACCESS_PATH = "/";
    static final String REFRESH_PATH = "/api/accounts/";

    private final boolean secure;
    private final String sameSite;

    public AuthCookies(@Value("${edutrack.cookies.secure:false}") boolean secure,
                       @Value("${edutrack.cookies.same-site:Lax}") String sameSite) {
        this.secure = secure;
        this.sameSite = sameSite;
    }

    /** Set-Cookie headers for a fresh pair of tokens. */
    public HttpHeaders issue(String accessToken, String refreshToken) {
        return headers(cookie(ACCESS, accessToken, ACCESS_PATH, Tokens.ACCESS_LIFETIME),
                cookie(REFRESH, refreshToken, REFRESH_PATH, Tokens.REFRESH_LIFETIME));
    }

    /** Set-Cookie headers that remove both cookies. */
    public HttpHeaders clear() {
        return headers(cookie(ACCESS, "", ACCESS_PATH, Duration.ZERO), cookie(REFRESH, "", REFRESH_PATH, Duration.ZERO));
    }

    private ResponseCookie cookie(String name, String value, String path, Duration maxAge) {
        return ResponseCookie.from(name, value).httpOnly(true).secure(secure).sameSite(sameSite)
                .path(path).maxAge(maxAge).build();
    }

    private static HttpHeaders headers(ResponseCookie... cookies) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        for (ResponseCookie cookie : cookies) {
            values.add(HttpHeaders.SET_COOKIE, cookie.toString());
        }
        return new HttpHeaders(values);
    }
}
