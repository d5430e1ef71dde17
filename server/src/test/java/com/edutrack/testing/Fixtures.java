package com.edutrack.testing;

import com.edutrack.auth.Role;
import com.edutrack.auth.Tokens;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Test data written straight to the database, and clients that call the API as one of its users.
 * Every user created here has the password {@link #PASSWORD}.
 */
public final class Fixtures {

    public static final String PASSWORD = "Correct-horse-42";

    /** A user the tests act as. */
    public record Account(long id, String email, Role role) {
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static volatile String passwordHash;

    private final JdbcTemplate jdbc;
    private final Tokens tokens;
    private final Http anonymous;

    Fixtures(JdbcTemplate jdbc, Tokens tokens, PasswordEncoder passwords, Http anonymous) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.anonymous = anonymous;
        if (passwordHash == null) {
            passwordHash = passwords.encode(PASSWORD);
        }
    }

    /** Fixtures for a server instance of a test's own, written through {@code jdbc} to its database. */
    public static Fixtures of(ServerInstance server, JdbcTemplate jdbc) {
        ConfigurableApplicationContext context = server.context();
        return new Fixtures(jdbc, context.getBean(Tokens.class), context.getBean(PasswordEncoder.class),
                new Http(server.port()));
    }

    /** A client authenticated as the account by {@code Authorization: Bearer}. */
    public Http as(Account account) {
        return anonymous.with("Authorization", "Bearer " + tokens.access(account.id(), account.role()));
    }

    /** The refresh token of a new login of the account, as login would issue it, without the password's hashing. */
    public String refreshToken(Account account) {
        Tokens.Refresh refresh = tokens.nextRefresh(account.id(), UUID.randomUUID());
        jdbc.update("INSERT INTO refresh_token_families (id, user_id, expires_at) VALUES (?, ?, ?)",
                refresh.family(), account.id(), Timestamp.from(refresh.expiresAt()));
        return tokens.sign(refresh);
    }

    public Account siteOwner() {
        Long id = jdbc.queryForObject("SELECT id FROM users WHERE role = 'siteowner' ORDER BY id LIMIT 1", Long.class);
        String email = jdbc.queryForObject("SELECT email FROM users WHERE id = ?", String.class, id);
        return new Account(id, email, Role.SITEOWNER);
    }

    public long subject(String name) {
        return jdbc.queryForObject("INSERT INTO subjects (name, description) VALUES (?, ?) RETURNING id", Long.class,
                name, "All about " + name);
    }

    public Account teacher(String firstName, Long subjectId) {
        Account teacher = user(firstName, Role.TEACHER);
        jdbc.update("INSERT INTO teacher_profiles (user_id, subject_id, bio) VALUES (?, ?, ?)", teacher.id(), subjectId,
                firstName + " teaches.");
        return teacher;
    }

    public Account assistant(String firstName, Account teacher) {
        Account assistant = user(firstName, Role.ASSISTANT);
        jdbc.update("INSERT INTO assistant_profiles (user_id, teacher_id) VALUES (?, ?)", assistant.id(), teacher.id());
        return assistant;
    }

    /** A student whose wallet holds {@code balance}, as one recharge entry of the ledger. */
    public Account student(String firstName, String balance) {
        Account student = user(firstName, Role.STUDENT);
        jdbc.update("INSERT INTO student_profiles (user_id, parent_phone, grade, wallet_balance) VALUES (?, '', '', ?)",
                student.id(), new BigDecimal(balance));
        if (new BigDecimal(balance).signum() > 0) {
            jdbc.update("INSERT INTO ledger_entries (student_id, kind, amount, balance_after, reference) "
                    + "VALUES (?, 'recharge', ?, ?, 'fixture')", student.id(), new BigDecimal(balance), new BigDecimal(balance));
        }
        return student;
    }

    public long course(String title, Account teacher, long subjectId, String price, boolean published) {
        return jdbc.queryForObject("INSERT INTO courses (title, description, subject_id, teacher_id, price, is_published) "
                + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id", Long.class,
                title, "About " + title, subjectId, teacher.id(), new BigDecimal(price), published);
    }

    public long lecture(long courseId, String title, int position) {
        return jdbc.queryForObject("INSERT INTO lectures (course_id, title, description, video_url, position, duration_minutes) "
                + "VALUES (?, ?, '', ?, ?, 30) RETURNING id", Long.class,
                courseId, title, "https://videos.example/" + position, position);
    }

    public long enrollment(Account student, long courseId, String status) {
        return jdbc.queryForObject("INSERT INTO enrollments (student_id, course_id, status, decided_at) "
                + "VALUES (?, ?, ?, CASE WHEN ? = 'pending' THEN NULL ELSE now() END) RETURNING id", Long.class,
                student.id(), courseId, status, status);
    }

    public void deactivate(Account account) {
        jdbc.update("UPDATE users SET is_active = false WHERE id = ?", account.id());
    }

    private Account user(String firstName, Role role) {
        String email = firstName.toLowerCase() + "." + SEQUENCE.incrementAndGet() + "@edutrack.test";
        long id = jdbc.queryForObject("INSERT INTO users (email, password_hash, first_name, last_name, phone, role) "
                + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id", Long.class,
                email, passwordHash, firstName, "Tester", "+201000000000", role.value());
        return new Account(id, email, role);
    }
}
