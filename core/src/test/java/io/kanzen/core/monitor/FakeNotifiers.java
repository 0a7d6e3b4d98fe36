package io.kanzen.core.monitor;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.Plugin;
import io.kanzen.api.PluginException;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.notify.Notification;
import io.kanzen.api.notify.NotifierFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A notifier plugin for the host's tests: kind {@code recorder} keeps what it is sent, per instance name (its
 * {@code inbox} setting); kind {@code broken} refuses every message; kind {@code hung} never returns until released.
 */
final class FakeNotifiers implements Plugin {
    final Map<String, List<Notification>> inboxes = new ConcurrentHashMap<>();
    final CountDownLatch release = new CountDownLatch(1);

    List<Notification> inbox(String name) {
        return inboxes.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>()));
    }

    @Override
    public String name() {
        return "fake-notifiers";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<NotifierFactory> notifierFactories() {
        List<ConfigProperty> settings = List.of(ConfigProperty.of("inbox", "Inbox", ConfigType.STRING).asRequired(),
                ConfigProperty.of("token", "Token", ConfigType.STRING).asSecret());
        return List.of(
                NotifierFactory.of("recorder", settings, (config, context) -> {
                    if (config.string("inbox").contains(" ")) {
                        throw new PluginException(ErrorKind.CONFIGURATION, "an inbox name has no spaces");
                    }
                    return n -> inbox(config.string("inbox")).add(n);
                }),
                NotifierFactory.of("broken", settings, (config, context) -> n -> {
                    throw new PluginException(ErrorKind.AUTHENTICATION, "the service refused the token");
                }),
                NotifierFactory.of("hung", settings, (config, context) -> n -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new PluginException(ErrorKind.UNAVAILABLE, "interrupted");
                    }
                }));
    }
}
