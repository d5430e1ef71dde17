package com.edutrack.accounts;

import com.edutrack.api.SubjectsApi;
import com.edutrack.api.model.PaginatedSubjectList;
import com.edutrack.api.model.Subject;
import com.edutrack.api.model.SubjectCreate;
import com.edutrack.auth.Allowed;
import com.edutrack.auth.Role;
import com.edutrack.web.PageRequest;
import com.edutrack.web.Pagination;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SubjectsController implements SubjectsApi {

    private final SubjectService subjects;
    private final Pagination pagination;

    public SubjectsController(SubjectService subjects, Pagination pagination) {
        this.subjects = subjects;
        this.pagination = pagination;
    }

    @Override
    @Allowed(publicAccess = true)
    public ResponseEntity<PaginatedSubjectList> listSubjects(Integer page, Integer pageSize, Boolean all) {
        return pagination.respond(PageRequest.of(page, pageSize, all), subjects.list());
    }

    @Override
    @Allowed(Role.SITEOWNER)
    public ResponseEntity<Subject> createSubject(SubjectCreate subjectCreate) {
        return ResponseEntity.status(HttpStatus.CREATED).body(subjects.create(subjectCreate));
    }
}
