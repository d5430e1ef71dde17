package com.edutrack.dashboard;

import com.edutrack.api.model.TeacherDashboard;
import com.edutrack.auth.Authentication;
import com.edutrack.auth.CurrentUser;
import com.edutrack.enrollments.EnrollmentService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The teacher dashboard in three set-based statements, whatever the number of courses. */
@Service
public class DashboardService {

    static final int RECENT_PENDING = 10;

    private final DashboardMapper dashboards;
    private final EnrollmentService enrollments;

    public DashboardService(DashboardMapper dashboards, EnrollmentService enrollments) {
        this.dashboards = dashboards;
        this.enrollments = enrollments;
    }

    /** One snapshot, so that the totals add up to the figures of the courses. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public TeacherDashboard forCaller() {
        CurrentUser viewer = Authentication.required();
        return dashboards.teacherTotals(viewer)
                .courses(dashboards.courses(viewer))
                .recentPending(enrollments.recentPending(RECENT_PENDING));
    }
}
