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

/**
 * Posts each notification as a JSON object to an address of the user's (Home Assistant, n8n, a script):
 * {@code {"event", "title", "message", "at", "series", "volume", "language"}}.
 */
final class WebhookNotifier implements Notifier {
    static final String NAME = "webhook";
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("url", "Address", ConfigType.URL).asRequired().withDescription("Where to POST the JSON."),
            ConfigProperty.of("authorization", "Authorization header", ConfigType.STRING).asSecret()
                    .withDescription("Sent as the Authorization header when set, such as 'Bearer abc123'."));

    static NotifierFactory factory() {
        return NotifierFactory.of(NAME, SETTINGS, (config, context) -> {
            URI url = URI.create(config.string("url"));
            return new WebhookNotifier(url, config.get("authorization").orElse(null),
                    new JsonPost("the webhook", context.http(), context.rateLimiter(JsonPost.peer(url))));
        });
    }

    private final URI url;
    private final String authorization;
    private final JsonPost post;

    WebhookNotifier(URI url, String authorization, JsonPost post) {
        this.url = url;
        this.authorization = authorization;
        this.post = post;
    }

    @Override
    public void send(Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", n.type().code());
        body.put("title", n.title());
        body.put("message", n.message());
        body.put("at", n.at().toString());
        body.put("series", n.series());
        body.put("volume", n.volume() == null ? null : n.volume().toString());
        body.put("language", n.language());
        post.post(url, authorization == null ? Map.of() : Map.of("Authorization", authorization), body, null);
    }
}
