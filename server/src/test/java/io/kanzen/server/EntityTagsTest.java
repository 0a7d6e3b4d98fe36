package io.kanzen.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EntityTagsTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTagIsTheQuotedStartOfTheSha256OfTheBytes() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertThat(EntityTags.of(bytes("abc"))).isEqualTo("\"ba7816bf8f01cfea\"");
    }

    @Test
    void theSameBytesGiveTheSameTagAndOneChangedByteAnother() {
        assertThat(EntityTags.of(bytes("export const a = 1;"))).isEqualTo(EntityTags.of(bytes("export const a = 1;")))
                .isNotEqualTo(EntityTags.of(bytes("export const a = 2;")));
        assertThat(EntityTags.of(new byte[0])).isNotEqualTo(EntityTags.of(new byte[1]));
    }

    @Test
    void theTagItselfOrAListHoldingItMatches() {
        String tag = "\"0123456789abcdef\"";
        assertThat(EntityTags.matchedBy(tag, tag)).isTrue();
        assertThat(EntityTags.matchedBy("\"other\", " + tag, tag)).isTrue();
        assertThat(EntityTags.matchedBy("\"other\"," + tag + ",\"third\"", tag)).isTrue();
        assertThat(EntityTags.matchedBy("  " + tag + "  ", tag)).isTrue();
    }

    @Test
    void aWeakTagWithTheSameCharactersMatchesAsRevalidationComparesWeakly() {
        assertThat(EntityTags.matchedBy("W/\"0123456789abcdef\"", "\"0123456789abcdef\"")).isTrue();
        assertThat(EntityTags.matchedBy("\"x\", W/\"0123456789abcdef\"", "\"0123456789abcdef\"")).isTrue();
    }

    @Test
    void aStarMatchesAnyTag() {
        assertThat(EntityTags.matchedBy("*", "\"0123456789abcdef\"")).isTrue();
        assertThat(EntityTags.matchedBy(" * ", "\"0123456789abcdef\"")).isTrue();
    }

    @Test
    void otherTagsPrefixesOrCommasInsideATagDoNotMatch() {
        String tag = "\"0123456789abcdef\"";
        assertThat(EntityTags.matchedBy("\"0123456789abcdee\"", tag)).isFalse();
        assertThat(EntityTags.matchedBy("\"0123456789abcde\"", tag)).isFalse();
        assertThat(EntityTags.matchedBy("\"0123456789abcdef0\"", tag)).isFalse();
        assertThat(EntityTags.matchedBy("\"a,\"0123456789abcdef\"\"", tag)).isFalse(); // "a," then a malformed rest
        assertThat(EntityTags.matchedBy("\"x,0123456789abcdef\"", tag)).isFalse();
    }

    @Test
    void noFieldAnEmptyOneOrAnUnquotedTagMatchesNothing() {
        String tag = "\"0123456789abcdef\"";
        assertThat(EntityTags.matchedBy(null, tag)).isFalse();
        assertThat(EntityTags.matchedBy("", tag)).isFalse();
        assertThat(EntityTags.matchedBy("0123456789abcdef", tag)).isFalse();
        assertThat(EntityTags.matchedBy("\"0123456789abcdef", tag)).isFalse();
        assertThat(EntityTags.matchedBy("**", tag)).isFalse();
    }
}
