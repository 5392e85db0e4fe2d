package dev.dealstream.ingest.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A path such as {@code /api/v1/orders/{orderId}/cancel}: literal segments and named ones. */
record PathTemplate(String text, List<String> segments) {

    static PathTemplate of(String text) {
        return new PathTemplate(text, List.of(text.split("/", -1)));
    }

    boolean matches(String path) {
        return variables(path) != null;
    }

    /**
     * The named segments' values in {@code path} (its query, if any, left out), or null when
     * {@code path} is not this template's: another number of segments, another literal, an empty value.
     */
    Map<String, String> variables(String path) {
        int query = path.indexOf('?');
        String[] parts = (query < 0 ? path : path.substring(0, query)).split("/", -1);
        if (parts.length != segments.size()) {
            return null;
        }
        Map<String, String> variables = new HashMap<>(4);
        for (int i = 0; i < parts.length; i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{")) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                variables.put(segment.substring(1, segment.length() - 1), parts[i]);
            } else if (!segment.equals(parts[i])) {
                return null;
            }
        }
        return variables;
    }
}
