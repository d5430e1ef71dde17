package com.edutrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Http;
import com.edutrack.testing.ServerInstance;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Product-spec section 8, behind a proxy: {@code X-Forwarded-*} headers, exactly as a Next.js
 * {@code rewrites()} proxy sends them, count only from the peers of {@code EDUTRACK_TRUSTED_PROXIES}.
 * The test's own server trusts no one (the default); a second instance trusts the loopback the tests
 * connect from, and a third runs as on Kubernetes trusting only a network the tests are not in.
 */
class ForwardedHeadersTest extends ApiTest {

    private static ServerInstance behindProxy;
    private static ServerInstance onKubernetes;

    private Http proxied;
    private Http fromUntrustedPeer;

    @BeforeEach
    void startInstances() throws Exception {
        if (behindProxy == null) {
            behindProxy = ServerInstance.start(databaseUrl(), List.of(),
                    "edutrack.trusted-proxies=127.0.0.1, ::1, 10.0.0.0/8");
            // Spring Boot would believe forwarded headers from any private address on a cloud platform.
            onKubernetes = ServerInstance.start(databaseUrl(), List.of(),
                    "edutrack.trusted-proxies=10.0.0.0/8, fd00::/8", "spring.main.cloud-platform=kubernetes");
        }
        proxied = http.at(behindProxy.port());
        fromUntrustedPeer = http.at(onKubernetes.port());
        jdbc.update("INSERT INTO subjects (name, description) SELECT 'Subject ' || n, 'About ' || n FROM generate_series(1, 60) n");
    }

    @AfterAll
    static void stopInstances() {
        if (behindProxy != null) {
            behindProxy.close();
            onKubernetes.close();
        }
    }

    /** The headers a Next.js server sends when it proxies /api/* for a browser at {@code client}. */
    private static Http throughNextJs(Http server, String client, String proto, String host, String port) {
        return server.with("x-forwarded-for", client).with("x-forwarded-proto", proto)
                .with("x-forwarded-host", host).with("x-forwarded-port", port);
    }

    private ApiResponse wrongLogin(Http client) {
        return client.post("/api/accounts/login/", "{\"email\": \"nobody@edutrack.test\", \"password\": \"wrong-password\"}");
    }

    private String countedAddress() {
        return jdbc.queryForObject("SELECT client_address FROM login_failures ORDER BY id DESC LIMIT 1", String.class);
    }

    private String nextLink(Http client) {
        return client.get("/api/accounts/subjects/").json().get("next").asString();
    }

    @Test
    void fromATrustedProxyTheLoginThrottleCountsTheForwardedClient() {
        assertThat(wrongLogin(throughNextJs(proxied, "203.0.113.7", "http", "localhost:3000", "3000")).status()).isEqualTo(401);
        assertThat(countedAddress()).isEqualTo("203.0.113.7");
    }

    @Test
    void theClientIsTheRightMostForwardedAddressThatIsNotATrustedProxy() {
        // The left-most entry is whatever the browser claimed; 10.1.2.3 is a trusted proxy of ours.
        wrongLogin(proxied.with("x-forwarded-for", "198.51.100.1, 203.0.113.7").with("x-forwarded-for", "10.1.2.3"));
        assertThat(countedAddress()).isEqualTo("203.0.113.7");
        wrongLogin(proxied.with("x-forwarded-for", "2001:db8::7, 10.1.2.3"));
        assertThat(countedAddress()).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void oneForwardedClientsFailuresDoNotThrottleAnotherBehindTheSameProxy() {
        Fixtures.Account student = given.student("Sara", "0.00");
        jdbc.update("INSERT INTO login_failures (email, client_address) "
                + "SELECT 'guess' || n || '@edutrack.test', '203.0.113.7' FROM generate_series(1, 100) n");
        String body = "{\"email\": \"" + student.email() + "\", \"password\": \"" + Fixtures.PASSWORD + "\"}";

        assertThat(proxied.with("x-forwarded-for", "203.0.113.7").post("/api/accounts/login/", body).status()).isEqualTo(429);
        assertThat(proxied.with("x-forwarded-for", "203.0.113.8").post("/api/accounts/login/", body).status()).isEqualTo(200);
    }

    @Test
    void fromATrustedProxyTheRegistrationThrottleCountsTheForwardedClient() {
        jdbc.update("INSERT INTO registration_attempts (client_address) SELECT '203.0.113.7' FROM generate_series(1, 10)");
        String body = "{\"email\": \"nour@edutrack.test\", \"password\": \"Tulip-garden-2026\", \"first_name\": \"Nour\", "
                + "\"last_name\": \"Samir\", \"phone\": \"+201000000000\"}";

        ApiResponse throttled = proxied.with("x-forwarded-for", "203.0.113.7").post("/api/accounts/student/register/", body);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isPresent();
        assertThat(proxied.with("x-forwarded-for", "203.0.113.8").post("/api/accounts/student/register/", body).status())
                .isEqualTo(201);
    }

    @Test
    void fromATrustedProxyPageLinksCarryThePublicSchemeAndHost() {
        assertThat(nextLink(throughNextJs(proxied, "203.0.113.7", "https", "edutrack.example", "443")))
                .isEqualTo("https://edutrack.example/api/accounts/subjects/?page=2");
        assertThat(nextLink(throughNextJs(proxied, "203.0.113.7", "http", "localhost:3000", "3000")))
                .isEqualTo("http://localhost:3000/api/accounts/subjects/?page=2");
        assertThat(nextLink(proxied.with("x-forwarded-proto", "https").with("x-forwarded-host", "edutrack.example:8443")))
                .isEqualTo("https://edutrack.example:8443/api/accounts/subjects/?page=2");
    }

    @Test
    void forwardedValuesThatAreNotAddressesOrHostsChangeNothing() {
        wrongLogin(proxied.with("x-forwarded-for", "evil.example").with("x-forwarded-host", "evil.example/path?")
                .with("x-forwarded-proto", "javascript"));
        assertThat(countedAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(nextLink(proxied.with("x-forwarded-host", "evil.example/path?").with("x-forwarded-proto", "ftp")))
                .isEqualTo("http://localhost:" + behindProxy.port() + "/api/accounts/subjects/?page=2");
    }

    @Test
    void withoutTrustedProxiesForwardedHeadersAreIgnored() {
        Http spoofing = throughNextJs(http, "203.0.113.7", "https", "evil.example", "443");
        wrongLogin(spoofing);
        assertThat(countedAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(nextLink(spoofing)).isEqualTo("http://localhost:" + port + "/api/accounts/subjects/?page=2");
    }

    @Test
    void fromAPeerThatIsNotATrustedProxyForwardedHeadersAreIgnoredEvenOnKubernetes() {
        Http spoofing = throughNextJs(fromUntrustedPeer, "203.0.113.7", "https", "evil.example", "443");
        wrongLogin(spoofing);
        assertThat(countedAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(nextLink(spoofing)).isEqualTo("http://localhost:" + onKubernetes.port() + "/api/accounts/subjects/?page=2");
    }
}
