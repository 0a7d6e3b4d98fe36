-- The web UI's administrator and the API key. Passwords are PBKDF2 hashes; the key is AES-GCM sealed so the
-- administrator can read it again in the settings, and compared in constant time.
CREATE TABLE account (
    username      TEXT NOT NULL PRIMARY KEY,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE api_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    sealed     TEXT NOT NULL,
    created_at TEXT NOT NULL
);
