package io.kanzen.client.amule;

import io.kanzen.api.PluginConfig;
import io.kanzen.api.client.DownloadClient;
import io.kanzen.testkit.TestPluginContext;
import io.kanzen.testkit.daemon.AmuleDaemon;
import java.nio.file.Files;
import java.util.Map;

/** One real amuled per test class, and clients configured for it. */
final class AmuleFixture {
    final AmuleDaemon daemon;
    final TestPluginContext context = TestPluginContext.create();

    AmuleFixture() throws Exception {
        daemon = new AmuleDaemon(Files.createTempDirectory("kanzen-amule-"));
        daemon.start();
    }

    DownloadClient client(int port, String password) {
        var factory = new AmulePlugin().downloadClientFactories().get(0);
        return factory.create(PluginConfig.of(factory.configProperties(),
                Map.of("host", "127.0.0.1", "port", Integer.toString(port), "password", password)), context);
    }

    DownloadClient client() {
        return client(daemon.ecPort(), AmuleDaemon.EC_PASSWORD);
    }
}
