package com.edutrack.enrollments;

import com.edutrack.api.EnrollmentsApi;
import com.edutrack.api.model.EnrollRequest;
import com.edutrack.api.model.Enrollment;
import com.edutrack.api.model.PaginatedEnrollmentList;
import com.edutrack.auth.Allowed;
import com.edutrack.auth.Role;
import com.edutrack.web.PageRequest;
import com.edutrack.web.Pagination;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class EnrollmentsController implements EnrollmentsApi {

    private final EnrollmentService enrollments;
    private final Pagination pagination;

    public EnrollmentsController(EnrollmentService enrollments, Pagination pagination) {
        this.enrollments = enrollments;
        this.pagination = pagination;
    }

    @Override
    @Allowed(Role.STUDENT)
    public ResponseEntity<Enrollment> enroll(EnrollRequest enrollRequest) {
        return ResponseEntity.status(HttpStatus.CREATED).body(enrollments.enroll(enrollRequest.getCourseId()));
    }

    @Override
    @Allowed({Role.SITEOWNER, Role.TEACHER, Role.ASSISTANT, Role.STUDENT})
    public ResponseEntity<PaginatedEnrollmentList> listEnrollments(Integer page, Integer pageSize, Boolean all,
                                                                   String status, Long course) {
        return pagination.respond(PageRequest.of(page, pageSize, all), enrollments.list(EnrollmentFilter.of(status, course)));
    }

    @Override
    @Allowed({Role.TEACHER, Role.ASSISTANT})
    public ResponseEntity<Enrollment> approveEnrollment(Long id) {
        return ResponseEntity.ok(enrollments.approve(id));
    }

    @Override
    @Allowed({Role.TEACHER, Role.ASSISTANT})
    public ResponseEntity<Enrollment> rejectEnrollment(Long id) {
        return ResponseEntity.ok(enrollments.reject(id));
    }
}
