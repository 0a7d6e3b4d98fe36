-- A history event is said by a stable code and its parameters (issue 14 point 1): the web UI writes it in the user's
-- language, the English message stays for the CLI and the logs. Events stored before have no code (NULL): a front end
-- shows them by their kind, with their English message as a technical detail.
ALTER TABLE history ADD COLUMN code TEXT;
-- a JSON object of texts: {"series": "Naruto", "volume": "3"}
ALTER TABLE history ADD COLUMN params TEXT;
