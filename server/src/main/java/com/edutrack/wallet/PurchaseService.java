package com.edutrack.wallet;

import com.edutrack.api.model.BuyResult;
import com.edutrack.api.model.Enrollment;
import com.edutrack.api.model.LedgerEntry;
import com.edutrack.api.model.Purchase;
import com.edutrack.auth.CurrentUser;
import com.edutrack.auth.Role;
import com.edutrack.config.DomainMetrics;
import com.edutrack.config.RetryingTransactions;
import com.edutrack.enrollments.EnrollmentMapper;
import com.edutrack.wallet.PurchaseMapper.Course;
import com.edutrack.wallet.PurchaseMapper.StoredResponse;
import com.edutrack.web.ApiException;
import com.edutrack.web.Listing;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

@Service
public class PurchaseService {

    static final String ALREADY_PURCHASED = "You have already purchased this course.";
    static final String INSUFFICIENT_BALANCE = "Insufficient wallet balance.";
    static final String KEY_REUSED = "Idempotency-Key was already used with a different request.";

    private final PurchaseMapper purchases;
    private final EnrollmentMapper enrollments;
    private final Wallet wallet;
    private final RetryingTransactions transactions;
    private final JsonMapper json;
    private final DomainMetrics metrics;

    public PurchaseService(PurchaseMapper purchases, EnrollmentMapper enrollments, Wallet wallet,
                           RetryingTransactions transactions, JsonMapper json, DomainMetrics metrics) {
        this.purchases = purchases;
        this.enrollments = enrollments;
        this.wallet = wallet;
        this.transactions = transactions;
        this.json = json;
        this.metrics = metrics;
    }

    /**
     * Buys the course from the student's wallet: the purchase, the debit and the approved enrollment
     * commit together or not at all. The wallet lock serialises every buy of the student, so
     * concurrent buys, and concurrent retries of one Idempotency-Key, run one after the other: the
     * later ones see the purchase (or the stored response) of the first.
     *
     * @param idempotencyKey null or blank for none; with a key, a 201 is stored with the purchase and
     *                       answered again to every retry of the same request
     */
    public ResponseEntity<BuyResult> buy(long studentId, long courseId, String idempotencyKey) {
        return transactions.run(() -> buyLocked(studentId, courseId, idempotencyKey));
    }

    private ResponseEntity<BuyResult> buyLocked(long studentId, long courseId, String idempotencyKey) {
        BigDecimal balance = wallet.lock(studentId);
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(debitAndEnroll(studentId, courseId, balance));
        }
        String requestHash = requestHash(courseId);
        StoredResponse stored = purchases.findResponse(studentId, idempotencyKey);
        if (stored != null) {
            if (!stored.requestHash().equals(requestHash)) {
                throw ApiException.rule(KEY_REUSED);
            }
            return ResponseEntity.status(stored.statusCode()).body(json.readValue(stored.responseBody(), BuyResult.class));
        }
        BuyResult result = debitAndEnroll(studentId, courseId, balance);
        purchases.storeResponse(studentId, idempotencyKey,
                new StoredResponse(requestHash, HttpStatus.CREATED.value(), json.writeValueAsString(result)));
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }

    private BuyResult debitAndEnroll(long studentId, long courseId, BigDecimal balance) {
        Course course = purchases.findPurchasable(new CurrentUser(studentId, Role.STUDENT), courseId);
        if (course == null) {
            throw ApiException.field("course_id", "Invalid pk \"" + courseId + "\" - object does not exist.");
        }
        if (purchases.purchased(studentId, courseId)) {
            throw ApiException.rule(ALREADY_PURCHASED);
        }
        if (balance.compareTo(course.price()) < 0) {
            throw ApiException.rule(INSUFFICIENT_BALANCE);
        }
        Purchase purchase;
        try {
            purchase = purchases.insert(studentId, courseId, course.price());
        } catch (DuplicateKeyException e) {
            throw ApiException.rule(ALREADY_PURCHASED); // the constraint has the last word
        }
        // A free course is bought without a ledger entry: the ledger holds no zero amounts.
        String balanceAfter = course.price().signum() == 0
                ? balance.toPlainString()
                : wallet.append(studentId, LedgerEntry.KindEnum.PURCHASE, course.price().negate(), "course:" + courseId)
                        .getBalanceAfter();
        Enrollment enrollment = enrollments.find(purchases.approveEnrollment(studentId, courseId));
        metrics.purchased(course.price());
        return new BuyResult(purchase, enrollment, balanceAfter);
    }

    /** The student's purchases, newest first. */
    public Listing<PurchaseMapper, Purchase> list(long studentId) {
        return new Listing<>(PurchaseMapper.class,
                mapper -> mapper.count(studentId),
                (mapper, limit, offset) -> mapper.page(studentId, limit, offset),
                mapper -> mapper.all(studentId));
    }

    /** What makes two buys the same request: the course, the body's only field. */
    private static String requestHash(long courseId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("course_id=" + courseId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
