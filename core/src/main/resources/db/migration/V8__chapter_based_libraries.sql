-- A library is volume-based unless the user declares it chapter-based: in a series folder, "Berserk 05.cbz"
-- is then volume 5, not chapter 5.
ALTER TABLE library ADD COLUMN chapter_based INTEGER NOT NULL DEFAULT 0;

-- Files read before this rule with a chapter and no volume are read again at the next scan.
UPDATE volume_file SET modified_ms = -1 WHERE volume_from IS NULL AND chapter_from IS NOT NULL;
