package io.kanzen.api;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One setting of a source or client. The list of them drives the settings form; {@code secret} ones are
 * stored encrypted, masked in the UI and never returned by the API.
 */
public record ConfigProperty(
        String key, String label, ConfigType type, boolean required, boolean secret, String defaultValue, String description) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9_.-]*");

    public ConfigProperty {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a config key starts with a lower-case letter and has no spaces: '" + key + "'");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("config property '" + key + "' needs a label");
        }
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        if (defaultValue != null) {
            String problem = problemWith(key, type, defaultValue);
            if (problem != null) {
                throw new IllegalArgumentException("default of '" + key + "' is invalid: " + problem);
            }
        }
        if (secret && defaultValue != null) {
            throw new IllegalArgumentException("secret property '" + key + "' cannot have a default");
        }
    }

    /** An optional, non-secret setting with no default; chain {@code as…}/{@code with…} to refine it. */
    public static ConfigProperty of(String key, String label, ConfigType type) {
        return new ConfigProperty(key, label, type, false, false, null, "");
    }

    /** The same setting, required: the host refuses a configuration without a value (or default) for it. */
    public ConfigProperty asRequired() {
        return new ConfigProperty(key, label, type, true, secret, defaultValue, description);
    }

    /** The same setting, secret: stored encrypted, masked in the UI, never returned by the API, and without default. */
    public ConfigProperty asSecret() {
        return new ConfigProperty(key, label, type, required, true, defaultValue, description);
    }

    /** The same setting with a default, checked against its type now. */
    public ConfigProperty withDefault(String value) {
        return new ConfigProperty(key, label, type, required, secret, value, description);
    }

    /** The same setting with help text for the form (where to find a key, what a value means). */
    public ConfigProperty withDescription(String text) {
        return new ConfigProperty(key, label, type, required, secret, defaultValue, text);
    }

    /** Why {@code value} is not valid for this property, or null when it is. */
    public String problemWith(String value) {
        return problemWith(key, type, value);
    }

    private static String problemWith(String key, ConfigType type, String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        switch (type) {
            case INTEGER:
                try {
                    Long.parseLong(v);
                    return null;
                } catch (NumberFormatException e) {
                    return "'" + key + "' must be a whole number, not '" + value + "'";
                }
            case BOOLEAN:
                String lower = v.toLowerCase(Locale.ROOT);
                return lower.equals("true") || lower.equals("false") ? null : "'" + key + "' must be true or false";
            case URL:
                try {
                    URI uri = new URI(v);
                    String scheme = uri.getScheme();
                    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                        return "'" + key + "' must be an http:// or https:// address";
                    }
                    return null;
                } catch (Exception e) {
                    return "'" + key + "' is not a valid address";
                }
            default:
                return null;
        }
    }
}
