-- What each folder of a library looked like when its entries were last listed (issue 16, goal 3). A folder whose
-- stamp (modification and change times, device and inode) is the same has the same entries: a re-scan neither
-- lists it nor stat's its files. The root of the library is the folder ''.
CREATE TABLE scanned_folder (
    library_id INTEGER NOT NULL REFERENCES library (id) ON DELETE CASCADE,
    -- relative to the library root, '/' separated
    path       TEXT NOT NULL,
    -- NULL: list it again next time (it had a problem, or it changed too recently to be trusted)
    stamp      TEXT,
    -- volume files directly in the folder when it was listed
    files      INTEGER NOT NULL,
    PRIMARY KEY (library_id, path)
);

-- The files with no volume, chapter or special: reported at every scan, also those of folders not listed again.
CREATE INDEX volume_file_unnumbered ON volume_file (library_id)
    WHERE volume_from IS NULL AND chapter_from IS NULL AND special = 0;
