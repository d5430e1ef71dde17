package com.edutrack.dashboard;

import com.edutrack.api.model.DashboardCourse;
import com.edutrack.api.model.DashboardTotals;
import com.edutrack.api.model.TeacherDashboard;
import com.edutrack.auth.Authentication;
import com.edutrack.auth.CurrentUser;
import com.edutrack.enrollments.EnrollmentService;
import com.edutrack.web.VersionedCache;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The teacher dashboard in three set-based statements, whatever the number of courses, kept for each
 * viewer while their teacher's dashboard version (migration V22) is unchanged.
 */
@Service
public class DashboardService {

    static final int RECENT_PENDING = 10;
    /** Dashboards kept at once, each a few KB. */
    static final int KEPT_DASHBOARDS = 1024;

    private final DashboardMapper dashboards;
    private final EnrollmentService enrollments;
    private final VersionedCache<CurrentUser, TeacherDashboard> kept;

    public DashboardService(DashboardMapper dashboards, EnrollmentService enrollments, PlatformTransactionManager transactions) {
        this.dashboards = dashboards;
        this.enrollments = enrollments;
        this.kept = new VersionedCache<>(transactions, KEPT_DASHBOARDS);
    }

    /** One snapshot, so that the totals add up to the figures of the courses. */
    public TeacherDashboard forCaller() {
        CurrentUser viewer = Authentication.required();
        return kept.read(viewer, () -> dashboards.version(viewer), () -> {
            TeacherDashboard dashboard = dashboards.teacher(viewer);
            List<DashboardCourse> courses = dashboards.courses(viewer);
            addUp(dashboard.getTotals(), courses);
            return dashboard.courses(courses).recentPending(enrollments.recentPending(RECENT_PENDING));
        });
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
