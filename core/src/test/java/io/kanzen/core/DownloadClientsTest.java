package io.kanzen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.DownloadHandle;
import io.kanzen.api.DownloadRequest;
import io.kanzen.api.DownloadState;
import io.kanzen.api.DownloadStatus;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.LinkKind;
import io.kanzen.api.Plugin;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import io.kanzen.api.PluginException;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.VolumeRange;
import io.kanzen.api.client.DownloadClient;
import io.kanzen.api.client.DownloadClientFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configured clients, grabs and downloads, with a hand-written fake client plugin and a real SQLite file. */
class DownloadClientsTest {
    @TempDir
    Path tmp;
    private final FakeClientPlugin plugin = new FakeClientPlugin();
    private Kanzen kanzen;

    @BeforeEach
    void open() {
        kanzen = Kanzen.builder().dataDirectory(tmp.resolve("data")).classpathPlugins(false).plugin(plugin).build();
    }

    @AfterEach
    void closeKanzen() {
        kanzen.close();
    }

    @Test
    void a_client_password_is_stored_sealed_and_never_shown() throws Exception {
        ConfiguredInstance saved = kanzen.saveClient("qbt", "fake", Map.of("url", "http://127.0.0.1:8080", "password", "hunter2-secret"));

        assertThat(saved.settings()).containsEntry("password", "****").containsEntry("url", "http://127.0.0.1:8080");
        assertThat(kanzen.clients()).singleElement().satisfies(c -> assertThat(c.settings().get("password")).isEqualTo("****"));
        String stored = column("SELECT settings FROM download_client");
        assertThat(stored).doesNotContain("hunter2-secret").contains("enc:v1:");
        for (Path file : List.of(kanzen.databaseFile(), Path.of(kanzen.databaseFile() + "-wal"))) { // the raw bytes, WAL included
            if (Files.exists(file)) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("hunter2-secret");
            }
        }
    }

    @Test
    void saving_again_with_the_mask_keeps_the_stored_password() {
        kanzen.saveClient("qbt", "fake", Map.of("url", "http://127.0.0.1:8080", "password", "first"));
        kanzen.saveClient("qbt", "fake", Map.of("url", "http://127.0.0.1:8080", "password", "****"));

        kanzen.grab("qbt", "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567", "One Piece", VolumeRange.of(100));
        assertThat(plugin.lastConfig.string("password")).isEqualTo("first");
    }

    @Test
    void a_stored_password_is_not_sent_to_a_new_address_unless_entered_again() {
        kanzen.saveClient("qbt", "fake", Map.of("url", "http://127.0.0.1:8080", "password", "first"));
        assertThatThrownBy(() -> kanzen.saveClient("qbt", "fake", Map.of("url", "http://evil.example:9090", "password", "****")))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.field()).isEqualTo("password"))
                .hasMessageContaining("changed").hasMessageContaining("enter the");
        assertThat(kanzen.clients()).singleElement().satisfies(c -> assertThat(c.settings().get("url")).isEqualTo("http://127.0.0.1:8080"));

        kanzen.saveClient("qbt", "fake", Map.of("url", "http://127.0.0.1:9090", "password", "second"));
        kanzen.grab("qbt", "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567", "One Piece", VolumeRange.of(100));
        assertThat(plugin.lastConfig.string("password")).isEqualTo("second");
        assertThat(plugin.lastConfig.string("url")).isEqualTo("http://127.0.0.1:9090");
    }

    @Test
    void bad_settings_are_refused_naming_the_setting_and_nothing_is_stored() {
        assertThatThrownBy(() -> kanzen.saveClient("qbt", "fake", Map.of("url", "not a url")))
                .isInstanceOf(KanzenException.class).hasMessageContaining("password").hasMessageContaining("url");
        assertThatThrownBy(() -> kanzen.saveClient("qbt", "nope", Map.of())).hasMessageContaining("no download client plugin 'nope'");
        assertThat(kanzen.clients()).isEmpty();
    }

    @Test
    void a_grab_is_recorded_before_the_client_is_called_and_marked_sent_with_its_handle() throws Exception {
        kanzen.saveClient("qbt", "fake", Map.of("url", "http://127.0.0.1:8080", "password", "pw"));
        plugin.onSubmit = () -> assertThat(column("SELECT state FROM grab")).isEqualTo("SENDING");

        Grab g = kanzen.grab("qbt", "magnet:?xt=urn:btih:0123456789ABCDEF0123456789ABCDEF01234567", "One Piece", VolumeRange.of(100));

        assertThat(plugin.submitted).hasSize(1);
        assertThat(g.state()).isEqualTo(Grab.State.SENT);
        assertThat(g.handle()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(column("SELECT state || ' ' || handle FROM grab")).isEqualTo("SENT 0123456789abcdef0123456789abcdef01234567");
    }

    @Test
    void a_refused_grab_is_kept_as_failed_with_the_clients_words() throws Exception {
        kanzen.saveClient("qbt", "fake", Map.of("url", "http://127.0.0.1:8080", "password", "pw"));
        plugin.failure = new PluginException(ErrorKind.UNAVAILABLE, "the client is down");

        assertThatThrownBy(() -> kanzen.grab("qbt", "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567", "X", null))
                .isInstanceOf(KanzenException.class).hasMessage("qbt: the client is down");
        assertThat(column("SELECT state || ': ' || message FROM grab")).isEqualTo("FAILED: the client is down");
    }

    @Test
    void an_api_key_in_a_link_is_masked_before_it_is_stored() throws Exception {
        kanzen.saveClient("qbt", "fake", Map.of("url", "http://127.0.0.1:8080", "password", "pw"));
        kanzen.grab("qbt", "http://prowlarr:9696/1/download?apikey=abcdef123456&link=xyz", "X", VolumeRange.of(1));

        assertThat(column("SELECT link FROM grab")).isEqualTo("http://prowlarr:9696/1/download?apikey=****&link=xyz");
        assertThat(plugin.submitted.get(0).link()).contains("apikey=abcdef123456"); // the client got the real link
    }

    @Test
    void without_a_client_named_the_link_kind_chooses_and_a_missing_kind_is_explained() {
        kanzen.saveClient("qbt", "fake", Map.of("url", "http://127.0.0.1:8080", "password", "pw"));
        assertThat(kanzen.grab(null, "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567", "X", null).client()).isEqualTo("qbt");
        assertThatThrownBy(() -> kanzen.grab(null, "ed2k://|file|a.cbz|10|0123456789ABCDEF0123456789ABCDEF|/", "X", null))
                .isInstanceOf(KanzenException.class).hasMessageContaining("no configured download client takes ed2k links");
        assertThatThrownBy(() -> kanzen.grab("qbt", "ftp://nope", "X", null)).hasMessageContaining("cannot send this download");
    }

    @Test
    void downloads_show_each_grab_with_its_status_and_a_dead_client_is_asked_once() {
        kanzen.saveClient("qbt", "fake", Map.of("url", "http://127.0.0.1:8080", "password", "pw"));
        kanzen.grab("qbt", "magnet:?xt=urn:btih:1111111111111111111111111111111111111111", "A", VolumeRange.of(1));
        kanzen.grab("qbt", "magnet:?xt=urn:btih:2222222222222222222222222222222222222222", "B", VolumeRange.of(2));

        List<Download> downloads = kanzen.downloads();
        assertThat(downloads).extracting(d -> d.grab().title()).containsExactly("B", "A");
        assertThat(downloads).allSatisfy(d -> assertThat(d.status().state()).isEqualTo(DownloadState.DOWNLOADING));

        plugin.statusFailure = new PluginException(ErrorKind.UNAVAILABLE, "connection refused");
        plugin.statusCalls.set(0);
        assertThat(kanzen.downloads()).allSatisfy(d -> {
            assertThat(d.status()).isNull();
            assertThat(d.problem()).isEqualTo("connection refused");
        });
        assertThat(plugin.statusCalls.get()).isEqualTo(1);
    }

    private String column(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kanzen.databaseFile());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /** A client plugin whose client records what it is given and fails when told to. */
    static final class FakeClientPlugin implements Plugin {
        final List<DownloadRequest> submitted = new ArrayList<>();
        final AtomicInteger statusCalls = new AtomicInteger();
        PluginConfig lastConfig;
        PluginException failure;
        PluginException statusFailure;
        ThrowingRunnable onSubmit = () -> {};

        interface ThrowingRunnable {
            void run() throws Exception;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String spiVersion() {
            return SpiVersion.CURRENT;
        }

        @Override
        public List<DownloadClientFactory> downloadClientFactories() {
            return List.of(new DownloadClientFactory() {
                @Override
                public String name() {
                    return "fake";
                }

                @Override
                public List<ConfigProperty> configProperties() {
                    return List.of(ConfigProperty.of("url", "URL", ConfigType.URL).asRequired(),
                            ConfigProperty.of("password", "Password", ConfigType.STRING).asRequired().asSecret());
                }

                @Override
                public DownloadClient create(PluginConfig config, PluginContext context) {
                    lastConfig = config;
                    return new DownloadClient() {
                        @Override
                        public Set<LinkKind> accepts() {
                            return Set.of(LinkKind.MAGNET, LinkKind.TORRENT_URL);
                        }

                        @Override
                        public DownloadHandle submit(DownloadRequest request) {
                            try {
                                onSubmit.run();
                            } catch (Exception e) {
                                throw new AssertionError(e);
                            }
                            if (failure != null) {
                                throw failure;
                            }
                            submitted.add(request);
                            String link = request.link();
                            String id = link.startsWith("magnet:") ? link.substring(link.indexOf("btih:") + 5, link.indexOf("btih:") + 45) : "ab".repeat(20);
                            return new DownloadHandle("fake", id);
                        }

                        @Override
                        public DownloadStatus status(DownloadHandle handle) {
                            statusCalls.incrementAndGet();
                            if (statusFailure != null) {
                                throw statusFailure;
                            }
                            return new DownloadStatus(handle, DownloadState.DOWNLOADING, 0.5, "name", 100, null, null);
                        }

                        @Override
                        public void checkConnection() {}
                    };
                }
            });
        }
    }
}
