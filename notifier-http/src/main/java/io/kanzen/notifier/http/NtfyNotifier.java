package io.kanzen.notifier.http;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.notify.Notification;
import io.kanzen.api.notify.NotificationType;
import io.kanzen.api.notify.Notifier;
import io.kanzen.api.notify.NotifierFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Push notifications through ntfy (ntfy.sh or a server of one's own), published as JSON to the server's root with
 * the topic in the body; an access token or a user and password when the topic is protected.
 */
final class NtfyNotifier implements Notifier {
    static final String NAME = "ntfy";
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("url", "Server", ConfigType.URL).asRequired().withDefault("https://ntfy.sh"),
            ConfigProperty.of("topic", "Topic", ConfigType.STRING).asRequired()
                    .withDescription("Anyone who knows a topic on ntfy.sh can read it: pick one hard to guess."),
            ConfigProperty.of("token", "Access token", ConfigType.STRING).asSecret().withDescription("For a protected topic (tk_...)."),
            ConfigProperty.of("username", "User", ConfigType.STRING).withDescription("For a protected topic, instead of a token."),
            ConfigProperty.of("password", "Password", ConfigType.STRING).asSecret(),
            ConfigProperty.of("priority", "Priority", ConfigType.INTEGER).withDefault("3").withDescription("1 (min) to 5 (max)."));

    static NotifierFactory factory() {
        return NotifierFactory.of(NAME, SETTINGS, (config, context) -> {
            URI url = Urls.join(config.string("url"), "/");
            String authorization = config.get("token").map(t -> "Bearer " + t)
                    .or(() -> config.get("username").map(u -> "Basic " + Base64.getEncoder().encodeToString(
                            (u + ":" + config.get("password").orElse("")).getBytes(StandardCharsets.UTF_8))))
                    .orElse(null);
            int priority = (int) Math.max(1, Math.min(5, config.integer("priority")));
            return new NtfyNotifier(url, config.string("topic"), authorization, priority,
                    new JsonPost("ntfy", context.http(), context.rateLimiter(JsonPost.peer(url))));
        });
    }

    private final URI url;
    private final String topic;
    private final String authorization;
    private final int priority;
    private final JsonPost post;

    NtfyNotifier(URI url, String topic, String authorization, int priority, JsonPost post) {
        this.url = url;
        this.topic = topic;
        this.authorization = authorization;
        this.priority = priority;
        this.post = post;
    }

    @Override
    public void send(Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", topic);
        body.put("title", n.title());
        body.put("message", n.message().isEmpty() ? n.title() : n.message());
        body.put("priority", priority);
        body.put("tags", List.of(tag(n.type())));
        post.post(url, authorization == null ? Map.of() : Map.of("Authorization", authorization), body,
                json -> Optional.ofNullable(json.path("error").textValue()));
    }

    /** An emoji shortcode ntfy shows before the title. */
    private static String tag(NotificationType type) {
        return switch (type) {
            case GRABBED -> "arrow_down";
            case IMPORTED -> "books";
            case FAILED -> "warning";
            case CHECK_PROBLEMS -> "mag";
            case NEW_VOLUME -> "new";
            case PEER_DOWN -> "rotating_light";
            case TEST -> "white_check_mark";
        };
    }
}
