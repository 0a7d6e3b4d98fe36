package io.kanzen.source.anilist;

import static io.kanzen.source.anilist.AniListFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.source.PublicationStatus;
import io.kanzen.api.source.SeriesMetadata;
import io.kanzen.api.source.SeriesQuery;
import io.kanzen.api.source.Source;
import io.kanzen.testkit.TestPluginContext;
import java.time.LocalDate;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class AniListSourceTest {
    @StartStop
    final MockWebServer server = new MockWebServer();
    private final TestPluginContext context = TestPluginContext.create();

    private Source source() {
        return AniListFixtures.source(server.url("/").toString(), context);
    }

    @Test
    void aTitleIsSearchedAmongMangaByGraphqlPostWithTheTitleAsAVariable() throws Exception {
        server.enqueue(json(200, "search_empty.json"));
        source().metadata(SeriesQuery.title("L'Attaque des Titans"));

        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = new ObjectMapper().readTree(r.getBody().utf8());
        assertThat(body.path("query").asText()).contains("type: MANGA").contains("synonyms").contains("volumes");
        assertThat(body.path("variables").path("search").asText()).isEqualTo("L'Attaque des Titans"); // never pasted into the query
        assertThat(context.acquiredInAll()).isEqualTo(1);
    }

    @Test
    void aRunningSeriesHasItsTitlesStatusStartDateAndAuthorsButNoVolumeCount() {
        server.enqueue(json(200, "search_one_piece.json"));
        SeriesMetadata m = source().metadata(SeriesQuery.title("One Piece")).orElseThrow();

        assertThat(m.title()).isEqualTo("ONE PIECE");
        // "One Piece" and "ONE PIECE" are the title itself; the synonyms carry the other languages' names
        assertThat(m.alternativeTitles()).containsExactly("원피스", "ワンピース", "Ван-Пис", "One Piece (Édition française)", "海贼王");
        assertThat(m.url()).isEqualTo("https://anilist.co/manga/30013");
        assertThat(m.vo().status()).isEqualTo(PublicationStatus.ONGOING);
        assertThat(m.vo().volumeCount()).as("AniList has no count while a series runs").isNull();
        assertThat(m.vo().started()).isEqualTo(LocalDate.of(1997, 7, 22));
        assertThat(m.vf()).isNull();
        assertThat(m.authors()).containsExactly("Eiichiro Oda"); // the translator is not an author
        assertThat(m.genres()).contains("Adventure");
        assertThat(m.coverUrl()).endsWith("bx30013-example.jpg");
    }

    @Test
    void theMangaIsPreferredToALightNovelOfTheSameNameThatMatchedFirst() {
        server.enqueue(json(200, "search_fullmetal_alchemist.json"));
        SeriesMetadata m = source().metadata(SeriesQuery.title("Fullmetal Alchemist")).orElseThrow();

        assertThat(m.url()).isEqualTo("https://anilist.co/manga/30025");
        assertThat(m.vo().volumeCount()).isEqualTo(27);
        assertThat(m.vo().status()).isEqualTo(PublicationStatus.FINISHED);
        assertThat(m.alternativeTitles()).containsExactly("Fullmetal Alchemist", "鋼の錬金術師", "FMA", "Full Metal Alchemist",
                "Fullmetal Alchemist (Édition Perfect)");
    }

    @Test
    void aPinnedAnilistPageIsReadByItsIdAndAnUnknownIdIsNoMatch() throws Exception {
        server.enqueue(json(404, "error_404_media_not_found.json"));

        assertThat(source().metadata(new SeriesQuery(null, "https://anilist.co/manga/424242/Unknown"))).isEmpty();
        JsonNode body = new ObjectMapper().readTree(server.takeRequest().getBody().utf8());
        assertThat(body.path("query").asText()).contains("Media(id: $id");
        assertThat(body.path("variables").path("id").asLong()).isEqualTo(424242L);
    }

    @Test
    void aQueryAnilistCannotRunIsABadResponseWithItsMessage() {
        server.enqueue(json(400, "error_400_validation.json"));

        assertThatThrownBy(() -> source().metadata(SeriesQuery.title("One Piece"))).isInstanceOfSatisfying(PluginException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_RESPONSE);
            assertThat(e.getMessage()).contains("Cannot query field");
        });
    }

    @Test
    void theConnectionTestAsksAniListForAPage() throws Exception {
        server.enqueue(json(200, "ping.json"));
        source().checkConnection();

        assertThat(server.takeRequest().getBody().utf8()).contains("pageInfo");
    }

    @Test
    void aStartDateWithoutItsMonthIsUnknownRatherThanJanuary() {
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).body("{\"data\":{\"Media\":{\"id\":99999,\"format\":\"ONE_SHOT\","
                + "\"status\":\"FINISHED\",\"volumes\":1,\"title\":{\"romaji\":\"ONE PIECE: Romance Dawn\"},"
                + "\"startDate\":{\"year\":1996,\"month\":null,\"day\":null}}}}").build());
        SeriesMetadata m = source().metadata(new SeriesQuery(null, "https://anilist.co/manga/99999")).orElseThrow();

        assertThat(m.title()).isEqualTo("ONE PIECE: Romance Dawn");
        assertThat(m.vo().volumeCount()).isEqualTo(1);
        assertThat(m.vo().started()).isNull();
    }

    @Test
    void aPageThatIsNotAniListsGivesNoMatchWithoutAsking() {
        assertThat(source().metadata(new SeriesQuery(null, "https://www.nautiljon.com/mangas/one+piece.html"))).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }
}
