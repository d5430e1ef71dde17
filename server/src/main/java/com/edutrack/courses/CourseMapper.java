package com.edutrack.courses;

import com.edutrack.api.model.Course;
import com.edutrack.api.model.CourseCreate;
import com.edutrack.auth.CurrentUser;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/** Courses as their viewer may see them; the visibility rule lives in this mapper's XML. */
@Mapper
public interface CourseMapper {

    /** Which of a new course's references point at nothing. */
    record MissingReferences(boolean subject, boolean teacher) {
    }

    /** The catalogue's version (migration V22): a fresh value at every commit that changes what the list shows. */
    long catalogueVersion();

    long count(@Param("viewer") CurrentUser viewer, @Param("filter") CourseFilter filter);

    /** The count of {@link #count}, or null when the filter's subject does not exist. */
    Long countInSubject(@Param("viewer") CurrentUser viewer, @Param("filter") CourseFilter filter);

    List<Course> page(@Param("viewer") CurrentUser viewer, @Param("filter") CourseFilter filter,
                      @Param("limit") int limit, @Param("offset") long offset);

    Cursor<Course> all(@Param("viewer") CurrentUser viewer, @Param("filter") CourseFilter filter);

    /** The course, or null when it does not exist or the viewer cannot see it. */
    Course find(@Param("viewer") CurrentUser viewer, @Param("id") long id);

    /** What the viewer may do with the course, or null when it does not exist or they cannot see it. */
    CourseAccess access(@Param("viewer") CurrentUser viewer, @Param("id") long id);

    MissingReferences missingReferences(@Param("subjectId") long subjectId, @Param("teacherId") long teacherId);

    /** Inserts the course and answers its id. */
    long insert(CourseCreate course);
}
