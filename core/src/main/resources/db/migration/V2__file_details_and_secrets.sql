-- What else the parser reads from a file name, kept for the decision engine and the UI.
ALTER TABLE volume_file ADD COLUMN language TEXT;
ALTER TABLE volume_file ADD COLUMN format TEXT;
ALTER TABLE volume_file ADD COLUMN edition TEXT;

-- Secrets plugins keep between runs (session cookies, tokens), AES-GCM sealed, scoped per plugin.
CREATE TABLE plugin_secret (
    scope TEXT NOT NULL,
    name  TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (scope, name)
);
