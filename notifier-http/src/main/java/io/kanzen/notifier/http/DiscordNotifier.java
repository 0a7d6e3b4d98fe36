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

/**
 * A Discord channel through a webhook (Server settings → Integrations → Webhooks): one embed per notification, its
 * colour telling good news from bad. The webhook's address holds its token, so it is a secret setting.
 */
final class DiscordNotifier implements Notifier {
    static final String NAME = "discord";
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("webhookUrl", "Webhook URL", ConfigType.URL).asRequired().asSecret()
                    .withDescription("Channel settings → Integrations → Webhooks → Copy Webhook URL. It holds the webhook's token."),
            ConfigProperty.of("username", "Name shown", ConfigType.STRING).withDefault("Kanzen"));

    private static final int GREEN = 0x2ECC71;
    private static final int BLUE = 0x3498DB;
    private static final int RED = 0xE74C3C;
    private static final int GREY = 0x95A5A6;

    static NotifierFactory factory() {
        return NotifierFactory.of(NAME, SETTINGS, (config, context) -> {
            String webhook = config.string("webhookUrl");
            // wait=true: Discord answers 200 once the message is posted, instead of 204 before checking it
            URI url = URI.create(webhook + (webhook.contains("?") ? "&" : "?") + "wait=true");
            return new DiscordNotifier(url, config.string("username"),
                    new JsonPost("Discord", context.http(), context.rateLimiter(JsonPost.peer(url))));
        });
    }

    private final URI url;
    private final String username;
    private final JsonPost post;

    DiscordNotifier(URI url, String username, JsonPost post) {
        this.url = url;
        this.username = username;
        this.post = post;
    }

    @Override
    public void send(Notification n) {
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("title", cut(n.title(), 256));
        embed.put("description", cut(n.message(), 4096));
        embed.put("timestamp", n.at().toString());
        embed.put("color", switch (n.type()) {
            case IMPORTED, TEST -> GREEN;
            case GRABBED, NEW_VOLUME -> BLUE;
            case FAILED, PEER_DOWN, CHECK_PROBLEMS -> RED;
            default -> GREY;
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("embeds", List.of(embed));
        body.put("allowed_mentions", Map.of("parse", List.of())); // a series title never pings anyone
        post.post(url, Map.of(), body, json -> Optional.ofNullable(json.path("message").textValue()));
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
