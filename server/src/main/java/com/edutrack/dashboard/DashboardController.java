package com.edutrack.dashboard;

import com.edutrack.api.DashboardApi;
import com.edutrack.api.model.TeacherDashboard;
import com.edutrack.auth.Allowed;
import com.edutrack.auth.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DashboardController implements DashboardApi {

    private final DashboardService dashboards;

    public DashboardController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @Override
    @Allowed({Role.TEACHER, Role.ASSISTANT})
    public ResponseEntity<TeacherDashboard> getTeacherDashboard() {
        return ResponseEntity.ok(dashboards.forCaller());
    }
}
