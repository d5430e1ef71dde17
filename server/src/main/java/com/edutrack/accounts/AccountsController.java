package com.edutrack.accounts;

import com.edutrack.api.AccountsApi;
import com.edutrack.api.model.Assistant;
import com.edutrack.api.model.AssistantCreate;
import com.edutrack.api.model.PaginatedAssistantList;
import com.edutrack.api.model.PaginatedPublicTeacherList;
import com.edutrack.api.model.PaginatedStudentList;
import com.edutrack.api.model.PaginatedTeacherList;
import com.edutrack.api.model.StudentProfile;
import com.edutrack.api.model.StudentRegistration;
import com.edutrack.api.model.Teacher;
import com.edutrack.api.model.TeacherCreate;
import com.edutrack.api.model.User;
import com.edutrack.api.model.UserStatusUpdate;
import com.edutrack.auth.Allowed;
import com.edutrack.auth.Authentication;
import com.edutrack.auth.Role;
import com.edutrack.web.PageRequest;
import com.edutrack.web.Pagination;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountsController implements AccountsApi {

    private final AccountService accounts;
    private final AccountDirectory directory;
    private final Pagination pagination;
    private final HttpServletRequest request;

    public AccountsController(AccountService accounts, AccountDirectory directory, Pagination pagination,
                              HttpServletRequest request) {
        this.accounts = accounts;
        this.directory = directory;
        this.pagination = pagination;
        this.request = request;
    }

    @Override
    @Allowed(anonymousOnly = true)
    public ResponseEntity<User> registerStudent(StudentRegistration body) {
        AccountInput account = new AccountInput(body.getEmail(), body.getPassword(), body.getFirstName(),
                body.getLastName(), body.getPhone());
        return created(accounts.registerStudent(account, body.getParentPhone(), body.getGrade(), request.getRemoteAddr()));
    }

    @Override
    @Allowed(publicAccess = true)
    public ResponseEntity<PaginatedPublicTeacherList> listPublicTeachers(Integer page, Integer pageSize, Boolean all, Long subject) {
        return pagination.respond(PageRequest.of(page, pageSize, all), directory.publicTeachers(subject));
    }

    @Override
    @Allowed(Role.SITEOWNER)
    public ResponseEntity<PaginatedTeacherList> listTeachers(Integer page, Integer pageSize, Boolean all, String search) {
        return pagination.respond(PageRequest.of(page, pageSize, all), directory.teachers(search));
    }

    @Override
    @Allowed(Role.SITEOWNER)
    public ResponseEntity<Teacher> createTeacher(TeacherCreate body) {
        AccountInput account = new AccountInput(body.getEmail(), body.getPassword(), body.getFirstName(),
                body.getLastName(), body.getPhone());
        return created(accounts.createTeacher(account, body.getSubjectId(), body.getBio(), body.getPhotoUrl()));
    }

    @Override
    @Allowed({Role.SITEOWNER, Role.TEACHER})
    public ResponseEntity<PaginatedAssistantList> listAssistants(Integer page, Integer pageSize, Boolean all) {
        return pagination.respond(PageRequest.of(page, pageSize, all), directory.assistantsVisibleTo(Authentication.required()));
    }

    @Override
    @Allowed(Role.TEACHER)
    public ResponseEntity<Assistant> createAssistant(AssistantCreate body) {
        AccountInput account = new AccountInput(body.getEmail(), body.getPassword(), body.getFirstName(),
                body.getLastName(), body.getPhone());
        return created(accounts.createAssistant(account, Authentication.required().id()));
    }

    @Override
    @Allowed(Role.SITEOWNER)
    public ResponseEntity<PaginatedStudentList> listStudents(Integer page, Integer pageSize, Boolean all, String search) {
        return pagination.respond(PageRequest.of(page, pageSize, all), directory.students(search));
    }

    @Override
    @Allowed(Role.SITEOWNER)
    public ResponseEntity<User> updateUserStatus(Long id, UserStatusUpdate body) {
        return ResponseEntity.ok(accounts.updateStatus(id, body.getIsActive()));
    }

    @Override
    @Allowed(Role.STUDENT)
    public ResponseEntity<StudentProfile> getStudentProfile() {
        return ResponseEntity.ok(directory.studentProfile(Authentication.required().id()));
    }

    private static <T> ResponseEntity<T> created(T body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }
}
