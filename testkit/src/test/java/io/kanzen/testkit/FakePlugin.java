package io.kanzen.testkit;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.Plugin;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.PluginContext;
import io.kanzen.api.PluginException;
import io.kanzen.api.Release;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.source.SearchRequest;
import io.kanzen.api.source.Source;
import io.kanzen.api.source.SourceCapability;
import io.kanzen.api.source.SourceFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** A plugin whose source behaves as its {@code mode} setting says: the kit's own check that it can pass. */
public class FakePlugin implements Plugin {
    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<SourceFactory> sourceFactories() {
        return List.of(new SourceFactory() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public List<ConfigProperty> configProperties() {
                return List.of(ConfigProperty.of("mode", "Behaviour", ConfigType.STRING).asRequired());
            }

            @Override
            public Source create(PluginConfig config, PluginContext context) {
                return new FakeSource(config.string("mode"));
            }
        });
    }

    /** Behaves as named: empty, refuse, limit, down. */
    record FakeSource(String mode) implements Source {
        @Override
        public Set<SourceCapability> capabilities() {
            return Set.of(SourceCapability.SEARCH_RELEASES);
        }

        @Override
        public List<Release> search(SearchRequest request) {
            switch (mode) {
                case "refuse":
                    throw new PluginException(ErrorKind.AUTHENTICATION, "the API key was refused");
                case "limit":
                    throw PluginException.rateLimited("slow down", Duration.ofSeconds(120));
                case "down":
                    throw new PluginException(ErrorKind.UNAVAILABLE, "connection refused");
                default:
                    return List.of();
            }
        }

        @Override
        public void checkConnection() {}
    }
}
