-- Counts the course list used to compute on every request, kept by triggers in the transaction of
-- the write that changes them, so a read on any instance right after the commit sees them exact:
--   courses.lectures_count  the course's lectures (was one subquery per listed course);
--   catalogue_counts        the published and unpublished courses of the whole catalogue (was a
--                           count(*) over every visible course on every page).
-- A teacher's or an assistant's unfiltered list counts the published courses plus their teacher's
-- unpublished ones, read through courses_teacher_idx: its cost follows one teacher's courses, not
-- the catalogue. Filtered lists (subject, teacher, search) still count their rows.
-- Writers lock one row more: a lecture insert its course's row (FOR NO KEY UPDATE, which the
-- FOR KEY SHARE of enrollment and purchase inserts does not wait for); a course insert or a change
-- of is_published the single catalogue_counts row, so course creations commit one at a time.

ALTER TABLE courses ADD COLUMN lectures_count INTEGER NOT NULL DEFAULT 0 CHECK (lectures_count >= 0);
UPDATE courses c SET lectures_count = (SELECT count(*) FROM lectures l WHERE l.course_id = c.id);

CREATE FUNCTION lectures_count_follow() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.course_id = NEW.course_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE courses SET lectures_count = lectures_count - 1 WHERE id = OLD.course_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE courses SET lectures_count = lectures_count + 1 WHERE id = NEW.course_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER lectures_count_follow
    AFTER INSERT OR DELETE OR UPDATE OF course_id ON lectures
    FOR EACH ROW EXECUTE FUNCTION lectures_count_follow();

-- TRUNCATE fires no row trigger.
CREATE FUNCTION lectures_count_truncated() RETURNS trigger AS $$
BEGIN
    UPDATE courses SET lectures_count = 0 WHERE lectures_count <> 0;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER lectures_count_truncated
    AFTER TRUNCATE ON lectures
    FOR EACH STATEMENT EXECUTE FUNCTION lectures_count_truncated();

CREATE TABLE catalogue_counts (
    single      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (single),
    published   BIGINT  NOT NULL CHECK (published >= 0),
    unpublished BIGINT  NOT NULL CHECK (unpublished >= 0)
);
INSERT INTO catalogue_counts (published, unpublished)
SELECT count(*) FILTER (WHERE is_published), count(*) FILTER (WHERE NOT is_published) FROM courses;

CREATE FUNCTION catalogue_counts_follow() RETURNS trigger AS $$
DECLARE
    published_change   BIGINT := 0;
    unpublished_change BIGINT := 0;
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        IF OLD.is_published THEN published_change := -1; ELSE unpublished_change := -1; END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF NEW.is_published THEN published_change := published_change + 1; ELSE unpublished_change := unpublished_change + 1; END IF;
    END IF;
    IF published_change <> 0 OR unpublished_change <> 0 THEN
        UPDATE catalogue_counts
        SET published = published + published_change, unpublished = unpublished + unpublished_change;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER catalogue_counts_follow
    AFTER INSERT OR DELETE OR UPDATE OF is_published ON courses
    FOR EACH ROW EXECUTE FUNCTION catalogue_counts_follow();

CREATE FUNCTION catalogue_counts_truncated() RETURNS trigger AS $$
BEGIN
    UPDATE catalogue_counts SET published = 0, unpublished = 0;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER catalogue_counts_truncated
    AFTER TRUNCATE ON courses
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_counts_truncated();
