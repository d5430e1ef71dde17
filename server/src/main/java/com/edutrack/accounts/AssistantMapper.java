package com.edutrack.accounts;

import com.edutrack.api.model.Assistant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

@Mapper
public interface AssistantMapper {

    /** Assistants of one teacher, or of every teacher when {@code teacherId} is null. */
    long count(@Param("teacherId") Long teacherId);

    List<Assistant> page(@Param("teacherId") Long teacherId, @Param("limit") int limit, @Param("offset") long offset);

    Cursor<Assistant> all(@Param("teacherId") Long teacherId);

    Assistant find(@Param("id") long id);
}
