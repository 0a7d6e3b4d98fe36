package io.kanzen.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCsvTest {
    private static HistoryEvent event(String title, String message) {
        return new HistoryEvent(1, Instant.parse("2026-11-24T12:00:00Z"), HistoryEvent.Kind.GRAB, true, null, title, "prowlarr", null, null, 3,
                null, message);
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreExportedAsText() {
        for (String evil : List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1")) {
            String row = HistoryCsv.row(event(evil, "ok"));
            String titleCell = row.split(",", 5)[3];
            assertThat(titleCell.replace("\"", "")).as(evil).startsWith("'");
        }
    }

    @Test
    void ordinaryTextAndQuotesStayAsTheyWere() {
        assertThat(HistoryCsv.row(event("One Piece", "sent \"T100\", at last")))
                .isEqualTo("2026-11-24T12:00:00Z,grab,true,One Piece,prowlarr,,,3,,\"sent \"\"T100\"\", at last\",,");
    }

    @Test
    void theCodeAndItsParametersEndTheRowSoAnotherLanguageCanSayTheEvent() {
        HistoryEvent sent = new HistoryEvent(1, Instant.parse("2026-11-24T12:00:00Z"), HistoryEvent.Kind.GRAB, true, 4L, "One Piece", "prowlarr",
                "qbittorrent", null, null, null, "One Piece T100", 9L, HistoryCodes.SENT, java.util.Map.of("client", "qbittorrent"));
        assertThat(HistoryCsv.row(sent)).endsWith(",One Piece T100,grab.sent,\"{\"\"client\"\":\"\"qbittorrent\"\"}\"");
    }
}
