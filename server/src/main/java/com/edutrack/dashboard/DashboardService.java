package com.edutrack.dashboard;

import com.edutrack.api.model.DashboardCourse;
import com.edutrack.api.model.DashboardTotals;
import com.edutrack.api.model.TeacherDashboard;
import com.edutrack.auth.Authentication;
import com.edutrack.auth.CurrentUser;
import com.edutrack.enrollments.EnrollmentService;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.ToIntFunction;
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
        TeacherDashboard dashboard = dashboards.teacher(viewer);
        List<DashboardCourse> courses = dashboards.courses(viewer);
        addUp(dashboard.getTotals(), courses);
        return dashboard.courses(courses).recentPending(enrollments.recentPending(RECENT_PENDING));
    }

    /** The totals that are sums of the per-course figures: counts, and revenue to the cent as DRF renders it. */
    private static void addUp(DashboardTotals totals, List<DashboardCourse> courses) {
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        for (DashboardCourse course : courses) {
            revenue = revenue.add(new BigDecimal(course.getRevenue()));
        }
        totals.courses(courses.size())
                .lectures(sum(courses, DashboardCourse::getLecturesCount))
                .pendingEnrollments(sum(courses, DashboardCourse::getPendingEnrollments))
                .revenue(revenue.toPlainString());
    }

    private static int sum(List<DashboardCourse> courses, ToIntFunction<DashboardCourse> figure) {
        return courses.stream().mapToInt(figure).sum();
    }
}
