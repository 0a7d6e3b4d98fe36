package io.kanzen.notifier.http;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.ErrorKind;
import io.kanzen.api.PluginException;
import io.kanzen.api.notify.Notification;
import io.kanzen.api.notify.Notifier;
import io.kanzen.api.notify.NotifierFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Telegram chat through a bot of the user's (made with @BotFather): the Bot API's {@code sendMessage}, plain text so
 * that no title needs escaping. The bot token sits in the request's path, so error messages never show the address.
 */
final class TelegramNotifier implements Notifier {
    static final String NAME = "telegram";
    static final int MAX_TEXT = 4096;
    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("token", "Bot token", ConfigType.STRING).asRequired().asSecret().withDescription("From @BotFather: 123456:ABC-..."),
            ConfigProperty.of("chatId", "Chat id", ConfigType.STRING).asRequired()
                    .withDescription("Your chat with the bot, a group's id (-100...) or @channel."),
            ConfigProperty.of("apiUrl", "Bot API server", ConfigType.URL).withDefault("https://api.telegram.org")
                    .withDescription("Change only for a Bot API server of your own."));

    static NotifierFactory factory() {
        return NotifierFactory.of(NAME, SETTINGS, (config, context) -> {
            URI url = Urls.join(config.string("apiUrl"), "/bot" + config.string("token") + "/sendMessage");
            return new TelegramNotifier(url, config.string("chatId"),
                    new JsonPost("Telegram", context.http(), context.rateLimiter(JsonPost.peer(url))));
        });
    }

    private final URI url;
    private final String chatId;
    private final JsonPost post;

    TelegramNotifier(URI url, String chatId, JsonPost post) {
        this.url = url;
        this.chatId = chatId;
        this.post = post;
    }

    @Override
    public void send(Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", DiscordNotifier.cut(n.text(), MAX_TEXT));
        body.put("link_preview_options", Map.of("is_disabled", true));
        JsonNode answer = post.post(url, Map.of(), body, json -> Optional.ofNullable(json.path("description").textValue()));
        if (!answer.path("ok").asBoolean(false)) {
            throw new PluginException(ErrorKind.BAD_RESPONSE, "Telegram did not confirm the message: "
                    + Optional.ofNullable(answer.path("description").textValue()).orElse("no 'ok' in its answer"));
        }
    }
}
