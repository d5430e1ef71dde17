package com.edutrack.dashboard;

import com.edutrack.api.model.DashboardCourse;
import com.edutrack.api.model.TeacherDashboard;
import com.edutrack.auth.CurrentUser;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface DashboardMapper {

    /** The dashboard version (migration V22) of the viewer's teacher: a fresh value at every commit that changes it. */
    long version(@Param("viewer") CurrentUser viewer);

    /**
     * The viewer's teacher, with only {@code totals.approved_students} of the totals filled in;
     * courses and recent_pending are left empty.
     */
    TeacherDashboard teacher(@Param("viewer") CurrentUser viewer);

    /** The viewer's teacher's courses, newest first. */
    List<DashboardCourse> courses(@Param("viewer") CurrentUser viewer);
}
