package com.edutrack.accounts;

import com.edutrack.api.model.Subject;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

@Mapper
public interface SubjectMapper {

    long count();

    List<Subject> page(@Param("limit") int limit, @Param("offset") long offset);

    Cursor<Subject> all();

    /** Inserts the subject and fills in its id; a taken name violates {@code subjects_name_key}. */
    void insert(Subject subject);

    boolean exists(@Param("id") long id);
}
