-- ?search= on the teachers and students lists is a case-insensitive substring match (ILIKE '%term%'),
-- which no B-tree can serve; a trigram index over the searched text can. The expression must stay
-- the one the mapper's "search" fragment (mybatis/accounts/UserMapper.xml) filters on.
-- pg_trgm is a trusted extension: the database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX users_search_idx ON users
    USING gin ((first_name || ' ' || last_name || ' ' || email || ' ' || phone) gin_trgm_ops);
