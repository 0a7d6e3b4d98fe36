package io.kanzen.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kanzen.core.MonitorConfig;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /config}: the fields given replace those in force, the others keep their value (a form that sends
 * one switch must not turn the rest off). An unknown field, a wrong type or a rule broken is a 400 naming the field.
 */
final class MonitorConfigUpdate {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final List<String> FIELDS = Arrays.stream(MonitorConfig.class.getRecordComponents()).map(RecordComponent::getName).toList();

    private MonitorConfigUpdate() {}

    static MonitorConfig apply(MonitorConfig current, JsonNode given) {
        ObjectNode merged = JSON.valueToTree(current);
        var names = given.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badInput(name, "unknown setting '" + name + "' (settings: " + String.join(", ", FIELDS) + ")");
            }
            merged.set(name, given.get(name));
        }
        try {
            return JSON.treeToValue(merged, MonitorConfig.class);
        } catch (Exception e) {
            String why = rootMessage(e);
            throw ApiException.badInput(field(e, why), "invalid settings: " + why);
        }
    }

    /** The field a failure is about: Jackson's path, or the setting the rule's message starts with. */
    private static String field(Exception e, String why) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty() && m.getPath().get(0).getFieldName() != null) {
            return m.getPath().get(0).getFieldName();
        }
        return FIELDS.stream().filter(f -> why.startsWith(f + " ")).findFirst().orElse(null);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
