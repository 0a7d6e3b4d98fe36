package io.kanzen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginConfigTest {
    private final List<ConfigProperty> properties = List.of(
            ConfigProperty.of("url", "Address", ConfigType.URL).asRequired(),
            ConfigProperty.of("apiKey", "API key", ConfigType.STRING).asRequired().asSecret(),
            ConfigProperty.of("categories", "Categories", ConfigType.LIST).withDefault("7000,7020"),
            ConfigProperty.of("pageDelay", "Delay", ConfigType.INTEGER).withDefault("1000"));

    @Test
    void defaults_fill_what_the_user_left_out() {
        PluginConfig config = PluginConfig.of(properties, Map.of("url", "http://localhost:9696", "apiKey", "abc"));

        assertThat(config.list("categories")).containsExactly("7000", "7020");
        assertThat(config.integer("pageDelay")).isEqualTo(1000);
        assertThat(config.string("url")).isEqualTo("http://localhost:9696");
    }

    @Test
    void every_problem_is_named_in_one_configuration_error() {
        assertThatThrownBy(() -> PluginConfig.of(properties, Map.of("url", "ftp://x", "pageDelay", "soon", "typo", "1")))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage())
                            .contains("'url' must be an http:// or https:// address")
                            .contains("'API key' (apiKey) is required")
                            .contains("'pageDelay' must be a whole number")
                            .contains("unknown setting 'typo'");
                });
    }

    @Test
    void secrets_are_masked_when_the_config_is_printed() {
        PluginConfig config = PluginConfig.of(properties, Map.of("url", "http://localhost:9696", "apiKey", "s3cr3t"));

        assertThat(config.toString()).contains("apiKey=****").doesNotContain("s3cr3t");
    }
}
