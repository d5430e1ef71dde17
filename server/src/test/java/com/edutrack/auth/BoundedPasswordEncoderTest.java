package com.edutrack.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.edutrack.testing.Concurrently;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTest {

    /** Counts the hashes running at once; each takes a little while. */
    private static final class SlowHashes implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final Duration each;

        SlowHashes(Duration each) {
            this.each = each;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            hash();
            return "hashed:" + rawPassword;
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            hash();
            return encodedPassword.equals("hashed:" + rawPassword);
        }

        private void hash() {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(each.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Test
    void noMoreHashesRunAtOnceThanItsSlotsAndEveryAnswerIsTheWrappedEncoders() throws Exception {
        SlowHashes hashes = new SlowHashes(Duration.ofMillis(20));
        PasswordEncoder bounded = new BoundedPasswordEncoder(hashes, 2, 16, Duration.ofSeconds(30));

        List<String> answers = Concurrently.send(16, i -> i % 2 == 0
                ? bounded.encode("secret-" + i)
                : String.valueOf(bounded.matches("secret-" + i, "hashed:secret-" + i)));

        assertThat(hashes.mostAtOnce.get()).isEqualTo(2);
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i)).isEqualTo(i % 2 == 0 ? "hashed:secret-" + i : "true");
        }
    }

    /**
     * The default bounds agree: every request the default queue admits gets its hash before the default
     * wait bound, on two processors (two slots) whose hashes are slowed to 200 ms each by everything
     * else the machine runs, as in the bench's login row at 64 connections. Refused, a correct login
     * would only come back after Retry-After and queue again.
     */
    @Test
    void aFullDefaultQueueOnTwoBusyProcessorsIsServedWithinTheDefaultWait() throws Exception {
        StandardEnvironment defaults = new StandardEnvironment();
        defaults.getPropertySources().addLast(new ResourcePropertySource("classpath:application.properties"));
        int queue = defaults.getRequiredProperty("edutrack.password-hashing.queue", Integer.class);
        long maxWaitMs = defaults.getRequiredProperty("edutrack.password-hashing.max-wait-ms", Long.class);
        PasswordEncoder bounded = new BoundedPasswordEncoder(new SlowHashes(Duration.ofMillis(200)), 2, queue,
                Duration.ofMillis(maxWaitMs));

        List<String> answers = Concurrently.send(2 + queue, i -> {
            try {
                return String.valueOf(bounded.matches("secret-" + i, "hashed:secret-" + i));
            } catch (BoundedPasswordEncoder.HashingBusy e) {
                return "busy";
            }
        });

        assertThat(answers).hasSize(2 + queue).containsOnly("true");
    }

    /** A hash that runs until released, so slots and queue places stay taken while the test looks. */
    private static final class HeldHashes implements PasswordEncoder {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch started = new CountDownLatch(1);

        @Override
        public String encode(CharSequence rawPassword) {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "hashed:" + rawPassword;
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return encodedPassword.equals(encode(rawPassword));
        }
    }

    @Test
    void aHashThatFindsTheQueueFullIsRefusedAtOnce() throws Exception {
        HeldHashes hashes = new HeldHashes();
        PasswordEncoder bounded = new BoundedPasswordEncoder(hashes, 1, 0, Duration.ofMinutes(10));
        CompletableFuture<String> holding = CompletableFuture.supplyAsync(() -> bounded.encode("first"));
        hashes.started.await();

        // No queue place and a ten-minute wait bound: it is refused without waiting.
        assertThatThrownBy(() -> bounded.encode("second")).isInstanceOf(BoundedPasswordEncoder.HashingBusy.class);

        hashes.release.countDown();
        assertThat(holding.get()).isEqualTo("hashed:first");
        assertThat(bounded.encode("third")).isEqualTo("hashed:third");
    }

    @Test
    void aHashThatWaitsPastTheBoundIsRefused() throws Exception {
        HeldHashes hashes = new HeldHashes();
        PasswordEncoder bounded = new BoundedPasswordEncoder(hashes, 1, 8, Duration.ofMillis(50));
        CompletableFuture<String> holding = CompletableFuture.supplyAsync(() -> bounded.encode("first"));
        hashes.started.await();

        assertThatThrownBy(() -> bounded.matches("second", "hashed:second"))
                .isInstanceOf(BoundedPasswordEncoder.HashingBusy.class)
                .satisfies(e -> {
                    BoundedPasswordEncoder.HashingBusy busy = (BoundedPasswordEncoder.HashingBusy) e;
                    assertThat(busy.status().value()).isEqualTo(503);
                    assertThat(busy.body()).containsEntry("detail", "Service temporarily unavailable.");
                    assertThat(busy.headers().getFirst("Retry-After")).isEqualTo("1");
                });

        hashes.release.countDown();
        assertThat(holding.get()).isEqualTo("hashed:first");
    }
}
