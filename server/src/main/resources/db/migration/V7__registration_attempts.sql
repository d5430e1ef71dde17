-- Student registrations that passed validation, counted per client address over the last minute.
CREATE TABLE registration_attempts (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_address VARCHAR(64) NOT NULL,
    attempted_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX registration_attempts_address_idx ON registration_attempts (client_address, attempted_at);
