-- The ledger is a chain: each entry's balance_after is the previous entry's balance_after (0 for the
-- first) plus its amount. Writers hold the wallet row lock (SELECT ... FOR UPDATE on
-- student_profiles), so the previous entry read here is the one the writer saw.
CREATE FUNCTION ledger_entries_chain() RETURNS trigger AS $$
DECLARE
    previous NUMERIC(12, 2);
BEGIN
    SELECT balance_after INTO previous FROM ledger_entries
    WHERE student_id = NEW.student_id AND id < NEW.id ORDER BY id DESC LIMIT 1;
    IF NEW.balance_after <> coalesce(previous, 0) + NEW.amount THEN
        RAISE EXCEPTION 'ledger_entries: balance_after % does not follow % + %',
            NEW.balance_after, coalesce(previous, 0), NEW.amount;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_entries_chain
    BEFORE INSERT ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entries_chain();

-- A student's purchases, newest first.
CREATE INDEX purchases_student_idx ON purchases (student_id, id DESC);
