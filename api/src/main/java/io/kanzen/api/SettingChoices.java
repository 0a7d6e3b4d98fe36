package io.kanzen.api;

import java.util.List;

/**
 * Optional, for a source or client whose settings take values the peer knows (Prowlarr's indexers and their
 * categories): the settings form offers them as a list instead of a free text box.
 */
public interface SettingChoices {
    /** One value a setting may take, with what to show for it. */
    record Choice(String value, String label) {
        public Choice {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a choice has a value");
            }
            label = label == null || label.isBlank() ? value : label;
        }
    }

    /**
     * The values the peer offers for {@code settingKey}, asked of the peer now; an empty list for a setting with no
     * such values.
     *
     * @throws PluginException when the peer cannot be asked
     */
    List<Choice> choices(String settingKey);
}
