package com.edutrack.accounts;

import com.edutrack.api.model.Assistant;
import com.edutrack.api.model.Teacher;
import com.edutrack.api.model.User;
import com.edutrack.auth.LoginService;
import com.edutrack.auth.Role;
import com.edutrack.web.ApiException;
import com.edutrack.web.ErrorBodies;
import com.edutrack.web.FieldErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating accounts (student registration, teachers, assistants) and blocking them. The rules the
 * contract's annotations cannot state are checked here, and all of a request's field errors are
 * answered together, as a DRF serializer does.
 */
@Service
public class AccountService {

    static final String EMAIL_TAKEN = "user with this email already exists.";

    private final UserMapper users;
    private final TeacherMapper teachers;
    private final AssistantMapper assistants;
    private final SubjectMapper subjects;
    private final PasswordRules passwordRules;
    private final PasswordEncoder passwords;
    private final LoginService logins;
    private final TransactionTemplate transactions;
    private final RegistrationThrottle registrations;

    public AccountService(UserMapper users, TeacherMapper teachers, AssistantMapper assistants, SubjectMapper subjects,
                          PasswordRules passwordRules, PasswordEncoder passwords, LoginService logins,
                          TransactionTemplate transactions, RegistrationThrottle registrations) {
        this.users = users;
        this.teachers = teachers;
        this.assistants = assistants;
        this.subjects = subjects;
        this.passwordRules = passwordRules;
        this.passwords = passwords;
        this.logins = logins;
        this.transactions = transactions;
        this.registrations = registrations;
    }

    /** A new student; a registration that passes validation counts against its client address's throttle. */
    public User registerStudent(AccountInput account, String parentPhone, String grade, String clientAddress) {
        FieldErrors errors = new FieldErrors();
        AccountInput checked = checked(account, errors);
        String parent = optionalText("parent_phone", parentPhone, errors);
        String studentGrade = optionalText("grade", grade, errors);
        errors.throwIfAny();
        registrations.attempt(clientAddress);
        long id = create(checked, Role.STUDENT, userId -> users.insertStudentProfile(userId, parent, studentGrade));
        return users.findUser(id);
    }

    public Teacher createTeacher(AccountInput account, Long subjectId, String bio, String photoUrl) {
        FieldErrors errors = new FieldErrors();
        AccountInput checked = checked(account, errors);
        if (subjectId != null && !subjects.exists(subjectId)) {
            errors.add("subject_id", "Invalid pk \"" + subjectId + "\" - object does not exist.");
        }
        String teacherBio = optionalText("bio", bio, errors);
        String photo = optionalText("photo_url", photoUrl, errors);
        if (!photo.isEmpty() && !isWebUrl(photo)) {
            errors.add("photo_url", "Enter a valid URL.");
        }
        errors.throwIfAny();
        long id = create(checked, Role.TEACHER, userId -> users.insertTeacherProfile(userId, subjectId, teacherBio, photo));
        return teachers.find(id);
    }

    /** An assistant of the calling teacher. */
    public Assistant createAssistant(AccountInput account, long teacherId) {
        FieldErrors errors = new FieldErrors();
        AccountInput checked = checked(account, errors);
        errors.throwIfAny();
        long id = create(checked, Role.ASSISTANT, userId -> users.insertAssistantProfile(userId, teacherId));
        return assistants.find(id);
    }

    /** Blocks or unblocks a user; a blocked user's logins end with this transaction. */
    @Transactional
    public User updateStatus(long id, boolean active) {
        if (users.setActive(id, active) == 0) {
            throw users.findUser(id) == null ? ApiException.notFound() : ApiException.permissionDenied();
        }
        if (!active) {
            logins.revokeAllOf(id);
        }
        return users.findUser(id);
    }

    /**
     * The inputs as they will be stored; what is wrong with them beyond the contract's rules (which already
     * stripped the required texts and refused blank ones) goes to {@code errors}.
     */
    private AccountInput checked(AccountInput account, FieldErrors errors) {
        if (users.emailTaken(account.email())) {
            errors.add("email", EMAIL_TAKEN);
        }
        errors.addAll("password", passwordRules.problems(account.password(), account.email()));
        return new AccountInput(normalizeEmail(account.email()), account.password(), account.firstName(),
                account.lastName(), account.phone());
    }

    /**
     * Inserts the user and its profile in one transaction. The password is hashed before the
     * transaction opens, so no connection waits on the slow hash. A concurrent registration of the
     * same email that passed the check above ends at the unique index, with the same answer.
     */
    private long create(AccountInput account, Role role, LongConsumer insertProfile) {
        NewUser user = new NewUser(account.email(), passwords.encode(account.password()), account.firstName(),
                account.lastName(), account.phone(), role);
        return transactions.execute(status -> {
            try {
                users.insert(user);
            } catch (DuplicateKeyException e) {
                throw ApiException.field("email", EMAIL_TAKEN);
            }
            insertProfile.accept(user.getId());
            return user.getId();
        });
    }

    /** DRF's CharField for an optional text: surrounding whitespace is dropped. */
    private static String optionalText(String field, String value, FieldErrors errors) {
        if (value == null) {
            return "";
        }
        if (value.indexOf('\u0000') >= 0) {
            errors.add(field, "Null characters are not allowed.");
        }
        return value.strip();
    }

    /** Django's normalize_email: the domain is case-insensitive, so it is stored in lower case. */
    private static String normalizeEmail(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? email : email.substring(0, at) + email.substring(at).toLowerCase(Locale.ROOT);
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
