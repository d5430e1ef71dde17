-- Every row this query returns breaks a wallet invariant; none should come back. Shared by the
-- wallet tests (testing/Ledger.java) and bench/faults.sh (psql), so both check the same rules.
-- 1. A wallet's balance is the sum of its ledger and the balance_after of its newest entry.
SELECT 'wallet' AS broken, s.user_id AS id
FROM student_profiles s
LEFT JOIN LATERAL (SELECT coalesce(sum(amount), 0) AS total FROM ledger_entries
                   WHERE student_id = s.user_id) t ON true
LEFT JOIN LATERAL (SELECT balance_after FROM ledger_entries
                   WHERE student_id = s.user_id ORDER BY id DESC LIMIT 1) l ON true
WHERE s.wallet_balance <> t.total OR s.wallet_balance <> coalesce(l.balance_after, 0)
UNION ALL
-- 2. A paid purchase has exactly one debit of its amount.
SELECT 'purchase without its debit', p.id
FROM purchases p
WHERE p.amount > 0
  AND (SELECT count(*) FROM ledger_entries e
       WHERE e.student_id = p.student_id AND e.kind = 'purchase'
         AND e.reference = 'course:' || p.course_id AND e.amount = -p.amount) <> 1
UNION ALL
-- 3. A purchase has its approved enrollment.
SELECT 'purchase without its enrollment', p.id
FROM purchases p
WHERE NOT EXISTS (SELECT 1 FROM enrollments n
                  WHERE n.student_id = p.student_id AND n.course_id = p.course_id AND n.status = 'approved')
ORDER BY 1, 2;
