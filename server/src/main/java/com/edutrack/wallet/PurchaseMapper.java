package com.edutrack.wallet;

import com.edutrack.api.model.Purchase;
import com.edutrack.auth.CurrentUser;
import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

@Mapper
public interface PurchaseMapper {

    /** What a buy needs to know about a course. */
    record Course(long id, String title, BigDecimal price) {
    }

    /** The first answer to a buy with an Idempotency-Key. */
    record StoredResponse(String requestHash, int statusCode, String responseBody) {
    }

    /** The course if a student may buy it (it exists and is published), else null. */
    Course findPurchasable(@Param("viewer") CurrentUser viewer, @Param("courseId") long courseId);

    boolean purchased(@Param("studentId") long studentId, @Param("courseId") long courseId);

    Purchase insert(@Param("studentId") long studentId, @Param("courseId") long courseId, @Param("amount") BigDecimal amount);

    /** Makes the student's enrollment in the course approved with source purchase, creating it if needed. */
    long approveEnrollment(@Param("studentId") long studentId, @Param("courseId") long courseId);

    long count(@Param("studentId") long studentId);

    List<Purchase> page(@Param("studentId") long studentId, @Param("limit") int limit, @Param("offset") long offset);

    Cursor<Purchase> all(@Param("studentId") long studentId);

    StoredResponse findResponse(@Param("studentId") long studentId, @Param("key") String key);

    void storeResponse(@Param("studentId") long studentId, @Param("key") String key, @Param("response") StoredResponse response);
}
