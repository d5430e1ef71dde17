-- The whole EduTrack schema. The database keeps the invariants: foreign keys, one enrollment and
-- one purchase per student and course, an append-only ledger whose last balance_after is the
-- wallet balance, single-use recharge codes.

CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    first_name    VARCHAR(150) NOT NULL DEFAULT '',
    last_name     VARCHAR(150) NOT NULL DEFAULT '',
    phone         VARCHAR(150) NOT NULL DEFAULT '',
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('siteowner', 'teacher', 'assistant', 'student')),
    is_active     BOOLEAN      NOT NULL DEFAULT TRUE,
    date_joined   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- Emails match case-insensitively, so uniqueness does too.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_role_idx ON users (role, id);

CREATE TABLE subjects (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        VARCHAR(150)  NOT NULL,
    description VARCHAR(5000) NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX subjects_name_key ON subjects (lower(name));

CREATE TABLE teacher_profiles (
    user_id    BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    subject_id BIGINT REFERENCES subjects (id) ON DELETE SET NULL,
    bio        VARCHAR(5000) NOT NULL DEFAULT '',
    photo_url  VARCHAR(500)  NOT NULL DEFAULT ''
);
CREATE INDEX teacher_profiles_subject_idx ON teacher_profiles (subject_id);

CREATE TABLE assistant_profiles (
    user_id    BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    teacher_id BIGINT NOT NULL REFERENCES teacher_profiles (user_id) ON DELETE CASCADE
);
CREATE INDEX assistant_profiles_teacher_idx ON assistant_profiles (teacher_id);

-- The student's row is also the wallet: purchases and redeems lock it (SELECT ... FOR UPDATE).
CREATE TABLE student_profiles (
    user_id        BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    parent_phone   VARCHAR(150)  NOT NULL DEFAULT '',
    grade          VARCHAR(150)  NOT NULL DEFAULT '',
    wallet_balance NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (wallet_balance >= 0)
);

CREATE TABLE courses (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title        VARCHAR(200)   NOT NULL,
    description  VARCHAR(5000)  NOT NULL DEFAULT '',
    subject_id   BIGINT         NOT NULL REFERENCES subjects (id),
    teacher_id   BIGINT         NOT NULL REFERENCES teacher_profiles (user_id),
    price        NUMERIC(12, 2) NOT NULL CHECK (price >= 0),
    is_published BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX courses_subject_idx ON courses (subject_id, id);
CREATE INDEX courses_teacher_idx ON courses (teacher_id, id);
CREATE INDEX courses_published_idx ON courses (id) WHERE is_published;

CREATE TABLE lectures (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id        BIGINT        NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    title            VARCHAR(200)  NOT NULL,
    description      VARCHAR(5000) NOT NULL DEFAULT '',
    video_url        VARCHAR(500)  NOT NULL,
    position         INTEGER       NOT NULL CHECK (position >= 0),
    duration_minutes INTEGER       CHECK (duration_minutes >= 0),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX lectures_course_position_idx ON lectures (course_id, position, id);

CREATE TABLE enrollments (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    student_id BIGINT      NOT NULL REFERENCES student_profiles (user_id) ON DELETE CASCADE,
    course_id  BIGINT      NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    status     VARCHAR(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    source     VARCHAR(16) NOT NULL DEFAULT 'request' CHECK (source IN ('request', 'purchase')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_at TIMESTAMPTZ,
    decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT enrollments_student_course_key UNIQUE (student_id, course_id),
    CONSTRAINT enrollments_decision_check CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX enrollments_course_status_idx ON enrollments (course_id, status, id);
CREATE INDEX enrollments_status_idx ON enrollments (status, id);

CREATE TABLE purchases (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    student_id BIGINT         NOT NULL REFERENCES student_profiles (user_id) ON DELETE CASCADE,
    course_id  BIGINT         NOT NULL REFERENCES courses (id),
    amount     NUMERIC(12, 2) NOT NULL CHECK (amount >= 0),
    created_at TIMESTAMPTZ    NOT NULL DEFAULT now(),
    CONSTRAINT purchases_student_course_key UNIQUE (student_id, course_id)
);
CREATE INDEX purchases_course_idx ON purchases (course_id);

-- Append-only: rows are inserted, never updated or deleted (enforced by the trigger below).
CREATE TABLE ledger_entries (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    student_id    BIGINT         NOT NULL REFERENCES student_profiles (user_id),
    kind          VARCHAR(16)    NOT NULL CHECK (kind IN ('recharge', 'purchase', 'adjustment')),
    amount        NUMERIC(12, 2) NOT NULL CHECK (amount <> 0),
    balance_after NUMERIC(12, 2) NOT NULL CHECK (balance_after >= 0),
    reference     VARCHAR(200)   NOT NULL DEFAULT '',
    created_at    TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX ledger_entries_student_idx ON ledger_entries (student_id, id DESC);

CREATE FUNCTION ledger_entries_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entries is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_entries_append_only
    BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();

CREATE TABLE recharge_codes (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        VARCHAR(32)    NOT NULL UNIQUE,
    amount      NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    expires_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    created_by  BIGINT         REFERENCES users (id) ON DELETE SET NULL,
    redeemed_by BIGINT         REFERENCES student_profiles (user_id),
    redeemed_at TIMESTAMPTZ,
    CONSTRAINT recharge_codes_redemption_check CHECK ((redeemed_by IS NULL) = (redeemed_at IS NULL))
);

-- A login's refresh tokens form a family: rotation issues the next token of the family and
-- blacklists the previous one; a blacklisted token presented again revokes the family.
CREATE TABLE refresh_token_families (
    id         UUID PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_token_families_user_idx ON refresh_token_families (user_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_token_families_expiry_idx ON refresh_token_families (expires_at);

CREATE TABLE refresh_token_blacklist (
    jti            UUID PRIMARY KEY,
    family_id      UUID        NOT NULL REFERENCES refresh_token_families (id) ON DELETE CASCADE,
    blacklisted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX refresh_token_blacklist_expiry_idx ON refresh_token_blacklist (expires_at);
CREATE INDEX refresh_token_blacklist_family_idx ON refresh_token_blacklist (family_id);

-- Failed logins, counted per email and per client address over the last minute.
CREATE TABLE login_failures (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          VARCHAR(254) NOT NULL,
    client_address VARCHAR(64)  NOT NULL,
    failed_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_email_idx ON login_failures (lower(email), failed_at);
CREATE INDEX login_failures_address_idx ON login_failures (client_address, failed_at);

-- The first response to a buy with an Idempotency-Key, replayed for retries of that key.
CREATE TABLE idempotency_keys (
    student_id    BIGINT       NOT NULL REFERENCES student_profiles (user_id) ON DELETE CASCADE,
    key           VARCHAR(255) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    status_code   INTEGER      NOT NULL,
    response_body TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (student_id, key)
);
