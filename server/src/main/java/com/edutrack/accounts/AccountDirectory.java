package com.edutrack.accounts;

import com.edutrack.api.model.Assistant;
import com.edutrack.api.model.PublicTeacher;
import com.edutrack.api.model.Student;
import com.edutrack.api.model.StudentProfile;
import com.edutrack.api.model.Teacher;
import com.edutrack.auth.CurrentUser;
import com.edutrack.auth.Role;
import com.edutrack.web.ApiException;
import com.edutrack.web.Listing;
import java.util.List;
import org.springframework.stereotype.Service;

/** The read side of accounts: the lists of teachers, assistants and students, and a student's profile. */
@Service
public class AccountDirectory {

    private final StudentMapper students;

    public AccountDirectory(StudentMapper students) {
        this.students = students;
    }

    /** Active teachers by name, optionally of one subject. */
    public Listing<TeacherMapper, PublicTeacher> publicTeachers(Long subject) {
        return new Listing<>(TeacherMapper.class, m -> m.countPublic(subject),
                (m, limit, offset) -> m.pagePublic(subject, limit, offset), m -> m.allPublic(subject));
    }

    /** Every teacher, active or not, by id. */
    public Listing<TeacherMapper, Teacher> teachers(String search) {
        List<String> terms = SearchTerms.patterns(search);
        return new Listing<>(TeacherMapper.class, m -> m.count(terms),
                (m, limit, offset) -> m.page(terms, limit, offset), m -> m.all(terms));
    }

    /** The site owner sees every assistant, a teacher only their own. */
    public Listing<AssistantMapper, Assistant> assistantsVisibleTo(CurrentUser caller) {
        Long teacherId = caller.role() == Role.SITEOWNER ? null : caller.id();
        return new Listing<>(AssistantMapper.class, m -> m.count(teacherId),
                (m, limit, offset) -> m.page(teacherId, limit, offset), m -> m.all(teacherId));
    }

    /** Every student, active or not, by id, with their wallet balance. */
    public Listing<StudentMapper, Student> students(String search) {
        List<String> terms = SearchTerms.patterns(search);
        return new Listing<>(StudentMapper.class, m -> m.count(terms),
                (m, limit, offset) -> m.page(terms, limit, offset), m -> m.all(terms));
    }

    public StudentProfile studentProfile(long studentId) {
        StudentProfile profile = students.findProfile(studentId);
        if (profile == null) {
            throw ApiException.notFound();
        }
        return profile;
    }
}
