package com.edutrack.demo;

import com.edutrack.accounts.NewUser;
import com.edutrack.accounts.SubjectMapper;
import com.edutrack.accounts.UserMapper;
import com.edutrack.api.model.CourseCreate;
import com.edutrack.api.model.LectureCreate;
import com.edutrack.api.model.Subject;
import com.edutrack.auth.Role;
import com.edutrack.courses.CourseMapper;
import com.edutrack.courses.LectureMapper;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code EDUTRACK_DEMO_DATA=true}, fills an empty database (no subjects) with a small school to
 * click through: subjects, two teachers, an assistant, published and draft courses with lectures,
 * students with recharged wallets and enrollments in every state. The logins are listed in README.md.
 */
@Component
public class DemoData implements ApplicationRunner {

    public static final String TEACHER_PASSWORD = "Demo-Teacher-2026";
    public static final String ASSISTANT_PASSWORD = "Demo-Assistant-2026";
    public static final String STUDENT_PASSWORD = "Demo-Student-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final long LOCK_KEY = 0x6564_7574_6465_6d6fL; // "edutdemo"

    private final boolean enabled;
    private final TransactionTemplate transaction;
    private final DemoDataMapper demo;
    private final UserMapper users;
    private final SubjectMapper subjects;
    private final CourseMapper courses;
    private final LectureMapper lectures;
    private final PasswordEncoder passwords;

    public DemoData(@Value("${edutrack.demo-data:false}") boolean enabled, TransactionTemplate transaction,
                    DemoDataMapper demo, UserMapper users, SubjectMapper subjects, CourseMapper courses,
                    LectureMapper lectures, PasswordEncoder passwords) {
        this.enabled = enabled;
        this.transaction = transaction;
        this.demo = demo;
        this.users = users;
        this.subjects = subjects;
        this.courses = courses;
        this.lectures = lectures;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && fill()) {
            log.info("Filled the empty database with demo data (logins in README.md)");
        }
    }

    /** Fills the database if it has no subjects; false when there was something already. */
    public boolean fill() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            demo.lock(LOCK_KEY);
            if (subjects.count() > 0) {
                return false;
            }
            school();
            return true;
        }));
    }

    private void school() {
        long physics = subject("Physics", "Mechanics, electricity and modern physics.");
        long maths = subject("Mathematics", "Algebra, geometry and calculus.");
        subject("Chemistry", "Organic and inorganic chemistry.");

        long ahmed = teacher("ahmed.hassan", "Ahmed", "Hassan", physics);
        long mona = teacher("mona.adel", "Mona", "Adel", maths);
        long omar = user("omar.khaled", "Omar", "Khaled", Role.ASSISTANT, ASSISTANT_PASSWORD);
        demo.assistantProfile(omar, ahmed);

        long grade12 = course("Physics for Grade 12", physics, ahmed, "150.00", true);
        long grade11 = course("Physics for Grade 11", physics, ahmed, "120.00", true);
        course("Modern Physics", physics, ahmed, "200.00", false);
        long algebra = course("Algebra Essentials", maths, mona, "100.00", true);
        course("Calculus", maths, mona, "180.00", false);

        long sara = student("sara.ali", "Sara", "Ali", "Grade 12", "300.00", "200.00");
        long youssef = student("youssef.nabil", "Youssef", "Nabil", "Grade 11", "250.00");
        long nour = student("nour.samir", "Nour", "Samir", "Grade 12", "100.00");

        demo.enrollment(sara, grade12, "approved", ahmed);
        demo.enrollment(sara, algebra, "pending", null);
        demo.enrollment(youssef, grade12, "pending", null);
        demo.enrollment(youssef, grade11, "rejected", omar);
        demo.enrollment(nour, algebra, "approved", mona);
        demo.enrollment(nour, grade11, "pending", null);
    }

    private long subject(String name, String description) {
        Subject subject = new Subject().name(name).description(description);
        subjects.insert(subject);
        return subject.getId();
    }

    private long user(String login, String firstName, String lastName, Role role, String password) {
        NewUser user = new NewUser(login + "@edutrack.example", passwords.encode(password), firstName, lastName,
                "+201000000000", role);
        users.insert(user);
        return user.getId();
    }

    private long teacher(String login, String firstName, String lastName, long subjectId) {
        long id = user(login, firstName, lastName, Role.TEACHER, TEACHER_PASSWORD);
        demo.teacherProfile(id, subjectId, firstName + " has taught for ten years.");
        return id;
    }

    /** A student whose wallet holds the sum of the given recharges, each one a ledger entry. */
    private long student(String login, String firstName, String lastName, String grade, String... recharges) {
        long id = user(login, firstName, lastName, Role.STUDENT, STUDENT_PASSWORD);
        demo.studentProfile(id, "+201100000000", grade);
        for (String amount : recharges) {
            demo.recharge(id, new BigDecimal(amount), "demo recharge");
        }
        return id;
    }

    /** A course with three lectures. */
    private long course(String title, long subjectId, long teacherId, String price, boolean published) {
        long id = courses.insert(new CourseCreate(title, "The " + title + " syllabus, step by step.", subjectId, teacherId,
                new BigDecimal(price), published));
        for (int position = 1; position <= 3; position++) {
            lectures.insert(id, new LectureCreate(title + ", part " + position, "https://videos.example.com/demo/"
                    + id + "/" + position + ".mp4", position).durationMinutes(45), "");
        }
        return id;
    }
}
