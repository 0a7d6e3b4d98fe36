package io.kanzen.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.ParsedName;
import io.kanzen.api.VolumeRange;
import org.junit.jupiter.api.Test;

class TestPluginContextTest {
    @Test
    void theNameParserIsTheHostsOneSoReleasesReadAsTheyWillInUse() {
        ParsedName name = TestPluginContext.create().nameParser().parse("One Piece - Tome 100 [FR] (CBZ)");

        assertThat(name.series()).isEqualTo("One Piece");
        assertThat(name.volume()).isEqualTo(VolumeRange.of(100));
        assertThat(name.format()).isEqualTo("cbz");
    }

    @Test
    void limitersCountThePermitsTheyHandOutByKeyAndInAll() {
        TestPluginContext context = TestPluginContext.create();
        context.rateLimiter("a").acquire();
        context.rateLimiter("a").acquire();
        context.rateLimiter("b").acquire();

        assertThat(context.acquired("a")).isEqualTo(2);
        assertThat(context.acquiredInAll()).isEqualTo(3);
    }
}
