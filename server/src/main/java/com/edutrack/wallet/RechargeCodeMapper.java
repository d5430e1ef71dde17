package com.edutrack.wallet;

import com.edutrack.api.model.RechargeCode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

@Mapper
public interface RechargeCodeMapper {

    /** Inserts the codes in one statement and returns those that were not already taken. */
    List<RechargeCode> insert(@Param("codes") Collection<String> codes, @Param("amount") BigDecimal amount,
                              @Param("expiresAt") OffsetDateTime expiresAt, @Param("createdBy") long createdBy);

    long count();

    List<RechargeCode> page(@Param("limit") int limit, @Param("offset") long offset);

    Cursor<RechargeCode> all();

    /** Marks an unused, unexpired code redeemed by the student; its amount, or null if there is no such code. */
    BigDecimal claim(@Param("code") String code, @Param("studentId") long studentId);
}
