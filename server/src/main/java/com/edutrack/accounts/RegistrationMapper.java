package com.edutrack.accounts;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface RegistrationMapper {

    /** Registrations from one client address since a time, and the oldest of them. */
    record RecentAttempts(int count, Instant oldest) {
    }

    /** Held until the transaction ends: registrations from one address are counted one at a time. */
    int lockAttemptsOfAddress(@Param("address") String address);

    RecentAttempts recentAttempts(@Param("address") String address, @Param("since") Instant since);

    void recordAttempt(@Param("address") String address);

    int deleteOldAttempts(@Param("before") Instant before, @Param("limit") int limit);
}
