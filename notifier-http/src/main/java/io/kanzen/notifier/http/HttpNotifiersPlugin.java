package io.kanzen.notifier.http;

import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.notify.NotifierFactory;
import java.util.List;

/** Notifiers that speak JSON over HTTP: a generic webhook, Discord, ntfy, Gotify and Telegram. */
public final class HttpNotifiersPlugin implements Plugin {
    @Override
    public String name() {
        return "notifier-http";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<NotifierFactory> notifierFactories() {
        return List.of(WebhookNotifier.factory(), DiscordNotifier.factory(), NtfyNotifier.factory(), GotifyNotifier.factory(),
                TelegramNotifier.factory());
    }
}
