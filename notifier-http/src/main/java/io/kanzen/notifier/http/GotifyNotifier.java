package io.kanzen.notifier.http;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.notify.Notification;
import io.kanzen.api.notify.Notifier;
import io.kanzen.api.notify.NotifierFactory;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Push notifications through a Gotify server: {@code POST /message} with an application token in {@code X-Gotify-Key}. */
final class GotifyNotifier implements Notifier {
    static final String NAME = "gotify";
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("url", "Server", ConfigType.URL).asRequired(),
            ConfigProperty.of("token", "Application token", ConfigType.STRING).asRequired().asSecret()
                    .withDescription("Gotify → Apps → Create Application → its token."),
            ConfigProperty.of("priority", "Priority", ConfigType.INTEGER).withDefault("5").withDescription("0 (silent) to 10."));

    static NotifierFactory factory() {
        return NotifierFactory.of(NAME, SETTINGS, (config, context) -> {
            URI url = Urls.join(config.string("url"), "/message");
            return new GotifyNotifier(url, config.string("token"), (int) Math.max(0, Math.min(10, config.integer("priority"))),
                    new JsonPost("Gotify", context.http(), context.rateLimiter(JsonPost.peer(url))));
        });
    }

    private final URI url;
    private final String token;
    private final int priority;
    private final JsonPost post;

    GotifyNotifier(URI url, String token, int priority, JsonPost post) {
        this.url = url;
        this.token = token;
        this.priority = priority;
        this.post = post;
    }

    @Override
    public void send(Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", n.title());
        body.put("message", n.message().isEmpty() ? n.title() : n.message());
        body.put("priority", priority);
        body.put("extras", Map.of("client::display", Map.of("contentType", "text/plain")));
        post.post(url, Map.of("X-Gotify-Key", token), body, json -> Optional.ofNullable(json.path("errorDescription").textValue()));
    }
}
