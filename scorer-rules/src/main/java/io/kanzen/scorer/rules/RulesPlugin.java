package io.kanzen.scorer.rules;

import io.kanzen.api.ConfigProperty;
import io.kanzen.api.ConfigType;
import io.kanzen.api.Plugin;
import io.kanzen.api.SpiVersion;
import io.kanzen.api.scoring.Scorer;
import io.kanzen.api.PluginConfig;
import io.kanzen.api.scoring.ScorerFactory;
import java.util.List;

/**
 * Advanced filter rules as a scorer: regular expressions on titles, release groups to refuse or prefer, and
 * preferred words with weights, for every series or for the series it names. Several instances make several rule
 * sets (one global, one for a series).
 */
public final class RulesPlugin implements Plugin {
    public static final String NAME = "rules";
    public static final String SCORER = "filters";

    static final List<ConfigProperty> SETTINGS = List.of(
            ConfigProperty.of("series", "Series", ConfigType.LIST)
                    .withDescription("Titles of the series these rules apply to, comma-separated; empty for every series."),
            ConfigProperty.of("reject", "Refuse titles matching", ConfigType.STRING)
                    .withDescription("A regular expression (case-insensitive); a release whose title matches it is refused."),
            ConfigProperty.of("require", "Require titles matching", ConfigType.STRING)
                    .withDescription("A regular expression (case-insensitive); a release whose title does not match it is refused."),
            ConfigProperty.of("rejectGroups", "Refused groups", ConfigType.LIST)
                    .withDescription("Release groups to refuse, comma-separated (as in [Group] or -GROUP)."),
            ConfigProperty.of("preferredGroups", "Preferred groups", ConfigType.LIST)
                    .withDescription("GROUP=points, comma-separated: points added to releases of these groups (negative to disfavour)."),
            ConfigProperty.of("preferredWords", "Preferred words", ConfigType.LIST)
                    .withDescription("WORD=points, comma-separated: points added when the title has the word (negative to disfavour)."));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public List<ScorerFactory> scorerFactories() {
        return List.of(new ScorerFactory() {
            @Override
            public String name() {
                return SCORER;
            }

            @Override
            public List<ConfigProperty> configProperties() {
                return SETTINGS;
            }

            @Override
            public Scorer create(PluginConfig config) {
                return FilterRules.from(config);
            }
        });
    }
}
