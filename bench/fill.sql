-- Fills an empty EduTrack database at scale :scale (psql -v scale=1 -v hash="'...'" -f fill.sql).
-- At scale 1: 20 subjects, 200 teachers with an assistant each, 5,000 courses, 50,000 lectures,
-- 100,000 students, 1,000,000 enrollments, 100,000 purchases, 2,000,000 ledger entries.
-- Every bench user's password hash is :hash. Row-by-row triggers are off while loading; the data
-- is written so that the ledger invariant holds (wallet_balance = sum = last balance_after).
\set ON_ERROR_STOP on
SET session_replication_role = replica;

SELECT greatest(1, (200 * :scale)::int)    AS teachers,
       greatest(25, (5000 * :scale)::int)  AS courses,
       greatest(10, (100000 * :scale)::int) AS students
\gset

INSERT INTO subjects (name, description)
SELECT 'Bench subject ' || n, 'Subject ' || n FROM generate_series(1, 20) n;

INSERT INTO users (email, password_hash, first_name, last_name, phone, role)
SELECT 'teacher' || n || '@bench.test', :hash, 'Teacher', 'No' || n, '+2010' || n, 'teacher'
FROM generate_series(1, :teachers) n;
INSERT INTO teacher_profiles (user_id, subject_id, bio)
SELECT u.id, (SELECT min(id) FROM subjects) + (u.id % 20), 'Bench teacher'
FROM users u WHERE u.role = 'teacher' AND u.email LIKE '%@bench.test';

INSERT INTO users (email, password_hash, first_name, last_name, phone, role)
SELECT 'assistant' || n || '@bench.test', :hash, 'Assistant', 'No' || n, '', 'assistant'
FROM generate_series(1, :teachers) n;
INSERT INTO assistant_profiles (user_id, teacher_id)
SELECT a.id, t.id
FROM users a JOIN users t ON t.email = replace(a.email, 'assistant', 'teacher')
WHERE a.role = 'assistant' AND a.email LIKE '%@bench.test';

CREATE TEMP TABLE bench_teachers AS
SELECT row_number() OVER (ORDER BY user_id) AS n, user_id FROM teacher_profiles;

INSERT INTO courses (title, description, subject_id, teacher_id, price, is_published, created_at)
SELECT 'Bench course ' || n, 'Course number ' || n || ' of the bench data',
       (SELECT min(id) FROM subjects) + (n % 20),
       (SELECT user_id FROM bench_teachers WHERE bench_teachers.n = 1 + (c.n % :teachers)),
       10 + (n % 9) * 5, n % 10 <> 0, now() - (n || ' minutes')::interval
FROM generate_series(1, :courses) AS c(n);

INSERT INTO lectures (course_id, title, description, video_url, position, duration_minutes)
SELECT c.id, 'Lecture ' || p, '', 'https://videos.bench.test/' || c.id || '/' || p, p, 20 + p
FROM courses c CROSS JOIN generate_series(1, 10) p;

INSERT INTO users (email, password_hash, first_name, last_name, phone, role)
SELECT 'student' || n || '@bench.test', :hash, 'Student', 'No' || n, '+2011' || n, 'student'
FROM generate_series(1, :students) n;
INSERT INTO student_profiles (user_id, parent_phone, grade, wallet_balance)
SELECT id, '', 'Grade ' || (id % 12), 0 FROM users WHERE role = 'student' AND email LIKE '%@bench.test';

CREATE TEMP TABLE bench_courses AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM courses;
CREATE INDEX ON bench_courses (n);

-- Ten enrollments a student, in distinct courses: 60% approved, 30% pending, 10% rejected.
INSERT INTO enrollments (student_id, course_id, status, source, created_at, decided_at, decided_by)
SELECT s.user_id, bc.id,
       CASE WHEN k < 6 THEN 'approved' WHEN k < 9 THEN 'pending' ELSE 'rejected' END,
       CASE WHEN k = 0 THEN 'purchase' ELSE 'request' END,
       now() - (k || ' hours')::interval,
       CASE WHEN k < 6 OR k = 9 THEN now() - (k || ' minutes')::interval END,
       NULL
FROM student_profiles s
CROSS JOIN generate_series(0, 9) k
JOIN bench_courses bc ON bc.n = (s.user_id * 7919 + k * 4729) % :courses;

-- The first enrollment of each student came from a purchase.
INSERT INTO purchases (student_id, course_id, amount, created_at)
SELECT e.student_id, e.course_id, c.price, e.created_at
FROM enrollments e JOIN courses c ON c.id = e.course_id
WHERE e.source = 'purchase';

-- Each wallet: nineteen recharges of 10.00, then the debit of that purchase: 20 ledger entries.
INSERT INTO ledger_entries (student_id, kind, amount, balance_after, reference, created_at)
SELECT s.user_id, 'recharge', 10, 10 * k, 'bench:' || k, now() - ((20 - k) || ' days')::interval
FROM student_profiles s CROSS JOIN generate_series(1, 19) k
ORDER BY s.user_id, k;
INSERT INTO ledger_entries (student_id, kind, amount, balance_after, reference, created_at)
SELECT p.student_id, 'purchase', -p.amount, 190 - p.amount, 'course:' || p.course_id, now()
FROM purchases p ORDER BY p.student_id;
UPDATE student_profiles s SET wallet_balance = 190 - p.amount FROM purchases p WHERE p.student_id = s.user_id;

-- The counters the triggers keep (migration V20) were not kept while triggers were off; a server
-- built before them has no such column or table.
SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'catalogue_counts') AS counters \gset
\if :counters
UPDATE courses c SET lectures_count = l.n
FROM (SELECT course_id, count(*) AS n FROM lectures GROUP BY course_id) l WHERE l.course_id = c.id;
UPDATE catalogue_counts SET published = (SELECT count(*) FROM courses WHERE is_published),
                            unpublished = (SELECT count(*) FROM courses WHERE NOT is_published);
\endif
-- Nor were the versions of what the server keeps in memory (migration V22): mark every read changed.
SELECT EXISTS (SELECT 1 FROM information_schema.sequences WHERE sequence_name = 'read_versions') AS versions \gset
\if :versions
UPDATE catalogue_counts SET version = nextval('read_versions');
UPDATE teacher_profiles SET dashboard_version = nextval('read_versions');
\endif

SET session_replication_role = DEFAULT;
VACUUM ANALYZE;
