package com.edutrack.enrollments;

import com.edutrack.api.model.Enrollment.StatusEnum;
import com.edutrack.web.ApiException;

/** The filters of the enrollment list. */
public record EnrollmentFilter(StatusEnum status, Long course) {

    /** From the query parameters; an unknown status is django-filter's 400. */
    public static EnrollmentFilter of(String status, Long course) {
        if (status == null || status.isEmpty()) {
            return new EnrollmentFilter(null, course);
        }
        try {
            return new EnrollmentFilter(StatusEnum.fromValue(status), course);
        } catch (IllegalArgumentException e) {
            throw ApiException.field("status",
                    "Select a valid choice. " + status + " is not one of the available choices.");
        }
    }
}
