package com.edutrack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.Concurrently;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTest {

    /** Counts the hashes running at once; each takes a little while. */
    private static final class SlowHashes implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

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
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Test
    void noMoreHashesRunAtOnceThanItsSlotsAndEveryAnswerIsTheWrappedEncoders() throws Exception {
        SlowHashes hashes = new SlowHashes();
        PasswordEncoder bounded = new BoundedPasswordEncoder(hashes, 2);

        List<String> answers = Concurrently.send(16, i -> i % 2 == 0
                ? bounded.encode("secret-" + i)
                : String.valueOf(bounded.matches("secret-" + i, "hashed:secret-" + i)));

        assertThat(hashes.mostAtOnce.get()).isEqualTo(2);
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i)).isEqualTo(i % 2 == 0 ? "hashed:secret-" + i : "true");
        }
    }
}
