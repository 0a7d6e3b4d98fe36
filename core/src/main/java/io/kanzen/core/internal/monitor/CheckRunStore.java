package io.kanzen.core.internal.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.core.CheckReport;
import io.kanzen.core.CheckRun;
import io.kanzen.core.Problem;
import io.kanzen.core.SeriesCheck;
import io.kanzen.core.internal.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rows of {@code check_run}: one per check, the newest {@value #KEPT} kept. */
public final class CheckRunStore {
    static final int KEPT = 200;
    private static final int MAX_PROBLEMS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    public CheckRunStore(Database db) {
        this.db = db;
    }

    /** Records a check that starts; returns its id. */
    public long started(boolean dryRun, Instant now) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO check_run (started_at, dry_run) VALUES (?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setString(1, now.toString());
                s.setInt(2, dryRun ? 1 : 0);
                s.executeUpdate();
                long id;
                try (ResultSet k = s.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
                try (PreparedStatement prune = c.prepareStatement("DELETE FROM check_run WHERE id <= ?")) {
                    prune.setLong(1, id - KEPT);
                    prune.executeUpdate();
                }
                return id;
            }
        });
    }

    /** Records the end of a check that ran through; a run already closed (by its deadline) keeps its error. */
    public void finished(long id, CheckReport report) {
        List<Problem> problems = new ArrayList<>(report.problems());
        int found = 0;
        for (SeriesCheck s : report.series()) {
            found += s.decisions().size();
            s.problems().forEach(p -> problems.add(p.aboutSeries(s.title())));
        }
        int judged = found;
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE check_run SET finished_at = ?, series = ?, searches = ?, found = ?, sent = ?, "
                    + "problems = ? WHERE id = ? AND finished_at IS NULL")) {
                s.setString(1, report.finishedAt().toString());
                s.setInt(2, report.series().size());
                s.setInt(3, report.searches());
                s.setInt(4, judged);
                s.setInt(5, report.grabs());
                s.setString(6, json(problems));
                s.setLong(7, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Records a check that failed as a whole; false when it was already closed. */
    public boolean failed(long id, String error, Instant now) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE check_run SET finished_at = ?, error = ? WHERE id = ? AND finished_at IS NULL")) {
                s.setString(1, now.toString());
                s.setString(2, error);
                s.setLong(3, id);
                return s.executeUpdate() > 0;
            }
        });
    }

    /**
     * Closes the runs left open by a process that stopped in them; only called by the holder of the check lock, who
     * knows no other process is checking.
     */
    public int closeAbandoned(Instant now) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE check_run SET finished_at = ?, error = ? WHERE finished_at IS NULL AND dry_run = 0")) {
                s.setString(1, now.toString());
                s.setString(2, "Kanzen stopped during this check");
                return s.executeUpdate();
            }
        });
    }

    public Optional<CheckRun> last() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, started_at, finished_at, dry_run, series, searches, found, sent, problems, error "
                    + "FROM check_run ORDER BY id DESC LIMIT 1"); ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.<CheckRun>empty();
            }
        });
    }

    private static CheckRun read(ResultSet r) throws SQLException {
        String finished = r.getString(3);
        List<Problem> problems = new ArrayList<>();
        try {
            // an object per problem; a bare text from before problems had codes
            for (com.fasterxml.jackson.databind.JsonNode n : JSON.readTree(r.getString(9) == null ? "[]" : r.getString(9))) {
                if (n.isTextual()) {
                    problems.add(new Problem(Problem.UNTYPED, java.util.Map.of(), n.asText()));
                } else {
                    problems.add(JSON.treeToValue(n, Problem.class));
                }
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems = List.of();
        }
        return new CheckRun(r.getLong(1), Instant.parse(r.getString(2)), finished == null ? null : Instant.parse(finished), r.getInt(4) == 1,
                r.getInt(5), r.getInt(6), r.getInt(7), r.getInt(8), problems, r.getString(10));
    }

    private static String json(List<Problem> problems) {
        List<Problem> kept = problems.size() > MAX_PROBLEMS ? new ArrayList<>(problems.subList(0, MAX_PROBLEMS)) : problems;
        if (kept != problems) {
            int more = problems.size() - MAX_PROBLEMS;
            kept.add(Problem.of("more", "... and " + more + " more", "count", more));
        }
        try {
            return JSON.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
