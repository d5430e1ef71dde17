package com.edutrack.demo;

import java.math.BigDecimal;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface DemoDataMapper {

    int lock(@Param("key") long key);

    void teacherProfile(@Param("userId") long userId, @Param("subjectId") long subjectId, @Param("bio") String bio);

    void assistantProfile(@Param("userId") long userId, @Param("teacherId") long teacherId);

    void studentProfile(@Param("userId") long userId, @Param("parentPhone") String parentPhone, @Param("grade") String grade);

    void recharge(@Param("studentId") long studentId, @Param("amount") BigDecimal amount, @Param("reference") String reference);

    void enrollment(@Param("studentId") long studentId, @Param("courseId") long courseId, @Param("status") String status,
                    @Param("decidedBy") Long decidedBy);
}
