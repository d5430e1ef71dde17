package com.edutrack.courses;

import com.edutrack.api.model.Lecture;
import com.edutrack.api.model.LectureCreate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/** The lectures of one course, by position; who may read or add them is decided by {@link LectureService}. */
@Mapper
public interface LectureMapper {

    List<Lecture> page(@Param("courseId") long courseId, @Param("limit") int limit, @Param("offset") long offset);

    Cursor<Lecture> all(@Param("courseId") long courseId);

    Lecture insert(@Param("courseId") long courseId, @Param("lecture") LectureCreate lecture,
                   @Param("description") String description);
}
