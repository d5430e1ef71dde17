package com.edutrack.accounts;

import com.edutrack.api.model.PublicTeacher;
import com.edutrack.api.model.Teacher;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

@Mapper
public interface TeacherMapper {

    /** Active teachers, optionally of one subject: the public list. */
    long countPublic(@Param("subject") Long subject);

    List<PublicTeacher> pagePublic(@Param("subject") Long subject, @Param("limit") int limit, @Param("offset") long offset);

    Cursor<PublicTeacher> allPublic(@Param("subject") Long subject);

    /** Every teacher matching the search terms ({@link SearchTerms}). */
    long count(@Param("terms") List<String> terms);

    List<Teacher> page(@Param("terms") List<String> terms, @Param("limit") int limit, @Param("offset") long offset);

    Cursor<Teacher> all(@Param("terms") List<String> terms);

    Teacher find(@Param("id") long id);
}
