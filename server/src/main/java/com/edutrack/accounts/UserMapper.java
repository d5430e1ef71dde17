package com.edutrack.accounts;

import com.edutrack.api.model.User;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface UserMapper {

    /** Inserts the account and fills in its id; a taken email violates {@code users_email_key}. */
    void insert(NewUser user);

    boolean existsWithRole(@Param("role") String role);

    User findUser(@Param("id") long id);

    /** Whether an account already has this email, compared case-insensitively. */
    boolean emailTaken(@Param("email") String email);

    /** Blocks or unblocks a user other than a site owner; 0 when there is no such user. */
    int setActive(@Param("id") long id, @Param("active") boolean active);

    void insertStudentProfile(@Param("userId") long userId, @Param("parentPhone") String parentPhone,
                              @Param("grade") String grade);

    void insertTeacherProfile(@Param("userId") long userId, @Param("subjectId") Long subjectId,
                              @Param("bio") String bio, @Param("photoUrl") String photoUrl);

    void insertAssistantProfile(@Param("userId") long userId, @Param("teacherId") long teacherId);
}
