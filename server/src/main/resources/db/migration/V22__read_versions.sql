-- Versions of what the two busiest reads show, so an instance can keep their answers in memory and
-- know, with one indexed read, whether they still hold:
--   catalogue_counts.version           the course list: any course, its lectures count, a subject's
--                                      name or a teacher's name;
--   teacher_profiles.dashboard_version one teacher's dashboard: their courses, the enrollments and
--                                      purchases of those courses, the names it shows.
-- Each write sets the version to a fresh value of one sequence, in its own transaction, so a reader
-- whose snapshot holds version V holds the data of V, and no later commit ever sets V again (not
-- even after a TRUNCATE ... RESTART IDENTITY). A kept answer is used only while its version is the
-- current one: a write committed on any instance shows on the next read on every instance.
-- The triggers are deferred to the commit, so the version rows are the last rows a transaction
-- locks, always the catalogue before a teacher: a version row is never held while waiting for a
-- wallet or an enrollment, and writes to different teachers' courses never wait for each other.
-- Lecture and course writes all take the single catalogue row at their commit.

CREATE SEQUENCE read_versions;

ALTER TABLE catalogue_counts ADD COLUMN version BIGINT NOT NULL DEFAULT nextval('read_versions');
ALTER TABLE teacher_profiles ADD COLUMN dashboard_version BIGINT NOT NULL DEFAULT nextval('read_versions');

-- The triggers run at commit, after every change of the transaction, so one new version a
-- transaction is enough: a transaction-local setting remembers what it has marked already, and a
-- statement that writes many rows marks the catalogue and each teacher once, not once a row.
CREATE FUNCTION catalogue_changed() RETURNS VOID AS $$
BEGIN
    IF current_setting('edutrack.catalogue_marked', TRUE) IS DISTINCT FROM 'yes' THEN
        UPDATE catalogue_counts SET version = nextval('read_versions');
        PERFORM set_config('edutrack.catalogue_marked', 'yes', TRUE);
    END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION dashboard_changed(teacher BIGINT) RETURNS VOID AS $$
BEGIN
    IF teacher IS NOT NULL AND current_setting('edutrack.dashboard_marked_' || teacher, TRUE) IS DISTINCT FROM 'yes' THEN
        UPDATE teacher_profiles SET dashboard_version = nextval('read_versions') WHERE user_id = teacher;
        PERFORM set_config('edutrack.dashboard_marked_' || teacher, 'yes', TRUE);
    END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION every_dashboard_changed() RETURNS VOID AS $$
    UPDATE teacher_profiles SET dashboard_version = nextval('read_versions');
$$ LANGUAGE sql;

-- A course row: the catalogue, and the dashboard of its teacher (both, when it changes teacher).
CREATE FUNCTION course_changed() RETURNS trigger AS $$
BEGIN
    PERFORM catalogue_changed();
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM dashboard_changed(OLD.teacher_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.teacher_id <> OLD.teacher_id) THEN
        PERFORM dashboard_changed(NEW.teacher_id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER course_changed
    AFTER INSERT OR UPDATE OR DELETE ON courses
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION course_changed();

-- An enrollment or a purchase row: the dashboard of its course's teacher. A course deleted in the
-- same transaction has no row left, and its own trigger has already covered its teacher.
CREATE FUNCTION course_activity_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM dashboard_changed((SELECT teacher_id FROM courses WHERE id = OLD.course_id));
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.course_id <> OLD.course_id) THEN
        PERFORM dashboard_changed((SELECT teacher_id FROM courses WHERE id = NEW.course_id));
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER enrollment_changed
    AFTER INSERT OR UPDATE OR DELETE ON enrollments
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION course_activity_changed();

CREATE CONSTRAINT TRIGGER purchase_changed
    AFTER INSERT OR UPDATE OR DELETE ON purchases
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION course_activity_changed();

-- Every read: names (a subject's shows in the list; a teacher's in the list and their dashboard; a
-- student's in the dashboards of the courses they asked to join), and TRUNCATE, which fires no row
-- trigger. No endpoint renames anyone: this is for an operator's SQL, rare enough to mark every dashboard.
CREATE FUNCTION every_read_changed() RETURNS trigger AS $$
BEGIN
    PERFORM catalogue_changed();
    PERFORM every_dashboard_changed();
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER user_name_changed
    AFTER UPDATE OF first_name, last_name ON users
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (NEW.first_name IS DISTINCT FROM OLD.first_name OR NEW.last_name IS DISTINCT FROM OLD.last_name)
    EXECUTE FUNCTION every_read_changed();

CREATE CONSTRAINT TRIGGER subject_name_changed
    AFTER UPDATE OF name ON subjects
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (NEW.name IS DISTINCT FROM OLD.name)
    EXECUTE FUNCTION every_read_changed();

CREATE TRIGGER read_versions_truncated AFTER TRUNCATE ON courses FOR EACH STATEMENT EXECUTE FUNCTION every_read_changed();
CREATE TRIGGER read_versions_truncated AFTER TRUNCATE ON enrollments FOR EACH STATEMENT EXECUTE FUNCTION every_read_changed();
CREATE TRIGGER read_versions_truncated AFTER TRUNCATE ON purchases FOR EACH STATEMENT EXECUTE FUNCTION every_read_changed();
CREATE TRIGGER read_versions_truncated AFTER TRUNCATE ON subjects FOR EACH STATEMENT EXECUTE FUNCTION every_read_changed();
CREATE TRIGGER read_versions_truncated AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION every_read_changed();
