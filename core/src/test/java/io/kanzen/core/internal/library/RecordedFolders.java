package io.kanzen.core.internal.library;

import io.kanzen.core.internal.storage.Database;
import java.util.ArrayList;
import java.util.List;

/** The folder paths a database has in {@code scanned_folder}, for the scanner's tests. */
final class RecordedFolders {
    private RecordedFolders() {}

    static List<String> in(Database db) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (var r = c.createStatement().executeQuery("SELECT path FROM scanned_folder")) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }
}
