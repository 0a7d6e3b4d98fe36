-- Why a proposal left the pending state, as a stable code the web UI translates (state_reason stays the English
-- sentence the CLI and the logs show). Rows decided before this migration keep a null code: their sentence is shown.
ALTER TABLE proposal ADD COLUMN state_code TEXT;
-- the decided proposals are listed newest first
CREATE INDEX proposal_by_update ON proposal (updated_at);
