package com.edutrack.enrollments;

import com.edutrack.api.model.Enrollment;
import com.edutrack.api.model.Enrollment.StatusEnum;
import com.edutrack.auth.Authentication;
import com.edutrack.auth.CurrentUser;
import com.edutrack.config.RetryingTransactions;
import com.edutrack.web.ApiException;
import com.edutrack.web.Listing;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Enrollment requests and their decisions. Approving is allowed from pending or rejected (a teacher
 * may reconsider a refusal); rejecting only from pending, since an approved enrollment may have been
 * paid for and has given access to the lectures. Repeating a decision changes nothing.
 */
@Service
public class EnrollmentService {

    static final String ALREADY_ENROLLED = "You are already enrolled in this course.";
    static final String ALREADY_APPROVED = "This enrollment is already approved.";

    private final EnrollmentMapper enrollments;
    private final RetryingTransactions transactions;

    public EnrollmentService(EnrollmentMapper enrollments, RetryingTransactions transactions) {
        this.enrollments = enrollments;
        this.transactions = transactions;
    }

    /** The enrollments the caller may see, newest first. */
    public Listing<EnrollmentMapper, Enrollment> list(EnrollmentFilter filter) {
        CurrentUser viewer = Authentication.required();
        return new Listing<>(EnrollmentMapper.class,
                mapper -> mapper.count(viewer, filter),
                (mapper, limit, offset) -> mapper.page(viewer, filter, limit, offset),
                mapper -> mapper.all(viewer, filter));
    }

    /** The newest pending enrollments of the courses the caller manages. */
    public List<Enrollment> recentPending(int limit) {
        return enrollments.recentPending(Authentication.required(), limit);
    }

    /**
     * The database's unique key decides a race between two requests of one student, not a prior check;
     * the insert waits for a buy of the same course to end, and a deadlock it may still lose is retried.
     */
    public Enrollment enroll(long courseId) {
        CurrentUser student = Authentication.required();
        return transactions.run(() -> {
            Long id;
            try {
                id = enrollments.enroll(student, courseId);
            } catch (DuplicateKeyException e) {
                throw ApiException.rule(ALREADY_ENROLLED);
            }
            if (id == null) {
                throw ApiException.invalidPk("course_id", courseId);
            }
            return enrollments.find(id);
        });
    }

    public Enrollment approve(long id) {
        return decide(id, StatusEnum.APPROVED, List.of(StatusEnum.PENDING, StatusEnum.REJECTED));
    }

    public Enrollment reject(long id) {
        return decide(id, StatusEnum.REJECTED, List.of(StatusEnum.PENDING));
    }

    /**
     * One conditional UPDATE: of concurrent identical decisions exactly one writes, the others find
     * the decision made and answer it unchanged (decided_at and decided_by stay the first ones).
     */
    private Enrollment decide(long id, StatusEnum to, List<StatusEnum> from) {
        CurrentUser viewer = Authentication.required();
        Boolean manages = enrollments.managedBy(viewer, id);
        if (manages == null) {
            throw ApiException.notFound();
        }
        if (!manages) {
            throw ApiException.permissionDenied();
        }
        enrollments.decide(id, to, from, viewer.id());
        Enrollment enrollment = enrollments.find(id);
        if (enrollment.getStatus() != to) {
            throw ApiException.rule(ALREADY_APPROVED);
        }
        return enrollment;
    }
}
