package io.kanzen.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The history as CSV (RFC 4180 quoting), the one export format the CLI and the server both write. The last columns are
 * the event's code and its parameters as a JSON object, for a reader that says events in another language.
 */
public final class HistoryCsv {
    public static final String HEADER = "at,kind,success,series,source,client,query,results,volume,message,code,params";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryCsv() {}

    public static String row(HistoryEvent e) {
        List<String> cells = new ArrayList<>();
        cells.add(e.at().toString());
        cells.add(e.kind().name().toLowerCase(Locale.ROOT));
        cells.add(String.valueOf(e.success()));
        cells.add(cell(e.seriesTitle()));
        cells.add(cell(e.source()));
        cells.add(cell(e.client()));
        cells.add(cell(e.query()));
        cells.add(e.results() == null ? "" : e.results().toString());
        cells.add(e.volume() == null ? "" : e.volume().toString());
        cells.add(cell(e.message()));
        cells.add(cell(e.code()));
        try {
            cells.add(e.params().isEmpty() ? "" : cell(JSON.writeValueAsString(e.params())));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("a map of texts is always JSON", x);
        }
        return String.join(",", cells);
    }

    /** The header line, then a line per event, each ending with a newline. */
    public static String of(List<HistoryEvent> events) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        events.forEach(e -> csv.append(row(e)).append('\n'));
        return csv.toString();
    }

    /**
     * One text cell. A cell a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab or
     * carriage return first: a release title is chosen by strangers) gets a leading apostrophe, as OWASP advises, so
     * it is shown as text.
     */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
