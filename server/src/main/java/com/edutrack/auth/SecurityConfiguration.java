package com.edutrack.auth;

import com.edutrack.config.DomainMetrics;
import com.edutrack.web.CrossOrigin;
import com.edutrack.web.CsrfOriginFilter;
import com.edutrack.web.ErrorBodies;
import com.edutrack.web.ErrorResponseWriter;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring Security provides the filter chain, the security headers and the password encoder. Who may
 * call what is decided per endpoint by {@link Allowed} through the {@link AccessInterceptor}, once the
 * route is known, so unknown routes answer 404 and wrong methods 405 as they do in DRF.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration implements WebMvcConfigurer {

    private final AccessInterceptor access;

    public SecurityConfiguration(AccessInterceptor access) {
        this.access = access;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ErrorResponseWriter errors, Tokens tokens,
                                            AuthMapper accounts, DomainMetrics metrics,
                                            @Value("${edutrack.csrf.trusted-origins}") List<String> trustedOrigins,
                                            @Value("${edutrack.cors.allowed-origins}") List<String> corsOrigins)
            throws Exception {
        http.addFilterBefore(CrossOrigin.filter(corsOrigins), CsrfFilter.class)
                .addFilterBefore(new AuthenticationFilter(tokens, accounts, errors, metrics), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new CsrfOriginFilter(trustedOrigins, errors), AuthenticationFilter.class)
                // Django's origin check below replaces Spring's token-based CSRF protection.
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(requests -> requests
                        // springdoc's own rendering of the contract is not the contract: only the file is served.
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml").denyAll()
                        .anyRequest().permitAll())
                .exceptionHandling(handling -> handling
                        .accessDeniedHandler((request, response, denied) -> errors.write(response,
                                HttpStatus.FORBIDDEN.value(), ErrorBodies.detail(ErrorBodies.PERMISSION_DENIED)))
                        .authenticationEntryPoint((request, response, failure) -> errors.write(response,
                                HttpStatus.UNAUTHORIZED.value(), Authentication.failure(request))));
        return http.build();
    }

    /**
     * Argon2id at OWASP's password-storage parameters: 19 MiB of memory, 2 iterations, 1 lane; Django's
     * hashes of migrated users read too ({@link PasswordHashes}); one hash at a time per processor
     * unless {@code EDUTRACK_HASH_SLOTS} says otherwise, with a bounded queue.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${edutrack.passwords.django-pbkdf2-iterations}") int djangoIterations,
                                    @Value("${edutrack.password-hashing.slots:0}") int slots,
                                    @Value("${edutrack.password-hashing.queue:64}") int queue,
                                    @Value("${edutrack.password-hashing.max-wait-ms:10000}") long maxWaitMs) {
        return new BoundedPasswordEncoder(new PasswordHashes(new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2), djangoIterations),
                slots > 0 ? slots : Runtime.getRuntime().availableProcessors(), queue, Duration.ofMillis(maxWaitMs));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(access).addPathPatterns("/api/**");
    }
}
