package com.edutrack.enrollments;

import com.edutrack.api.model.Enrollment;
import com.edutrack.auth.CurrentUser;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

@Mapper
public interface EnrollmentMapper {

    long count(@Param("viewer") CurrentUser viewer, @Param("filter") EnrollmentFilter filter);

    List<Enrollment> page(@Param("viewer") CurrentUser viewer, @Param("filter") EnrollmentFilter filter,
                          @Param("limit") int limit, @Param("offset") long offset);

    Cursor<Enrollment> all(@Param("viewer") CurrentUser viewer, @Param("filter") EnrollmentFilter filter);

    /** The newest pending enrollments of the courses the viewer manages, newest first. */
    List<Enrollment> recentPending(@Param("viewer") CurrentUser viewer, @Param("limit") int limit);

    Enrollment find(@Param("id") long id);

    /**
     * Inserts a pending request enrollment of the student viewer in a course they can see; its id, or
     * null when there is no such course. A second enrollment violates {@code enrollments_student_course_key}.
     */
    Long enroll(@Param("viewer") CurrentUser viewer, @Param("courseId") long courseId);

    /** Whether the viewer manages the enrollment's course; null when the enrollment does not exist. */
    Boolean managedBy(@Param("viewer") CurrentUser viewer, @Param("id") long id);

    /** Moves the enrollment to {@code to} if it is in one of {@code from}; the rows changed (0 or 1). */
    int decide(@Param("id") long id, @Param("to") Enrollment.StatusEnum to,
               @Param("from") Collection<Enrollment.StatusEnum> from, @Param("deciderId") long deciderId);
}
