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
}
