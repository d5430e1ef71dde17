package com.edutrack.accounts;

import com.edutrack.api.model.Student;
import com.edutrack.api.model.StudentProfile;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

@Mapper
public interface StudentMapper {

    /** Every student matching the search terms ({@link SearchTerms}). */
    long count(@Param("terms") List<String> terms);

    List<Student> page(@Param("terms") List<String> terms, @Param("limit") int limit, @Param("offset") long offset);

    Cursor<Student> all(@Param("terms") List<String> terms);

    StudentProfile findProfile(@Param("id") long id);
}
