package io.kanzen.notifier.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanzen.api.Plugin;
import io.kanzen.api.notify.NotifierFactory;
import io.kanzen.testkit.PluginContractTest;
import org.junit.jupiter.api.Test;

class HttpNotifiersPluginTest extends PluginContractTest {
    @Override
    protected Plugin plugin() {
        return new HttpNotifiersPlugin();
    }

    @Test
    void it_offers_the_five_http_notifiers() {
        assertThat(plugin().notifierFactories()).extracting(NotifierFactory::name)
                .containsExactly("webhook", "discord", "ntfy", "gotify", "telegram");
    }

    @Test
    void every_token_and_password_is_a_secret_setting() {
        assertThat(plugin().notifierFactories()).flatExtracting(NotifierFactory::configProperties)
                .filteredOn(p -> p.key().matches("token|password|webhookUrl|authorization")).allMatch(p -> p.secret());
    }
}
