package dev.dealstream.ingest.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A path such as {@code /api/v1/orders/{orderId}/cancel}: literal segments and named ones. */
record PathTemplate(String text, List<String> segments) {

    static PathTemplate of(String text) {
        return new PathTemplate(text, List.of(text.split("/", -1)));
    }

    /**
     * Whether {@code path} (its query, if any, left out) is this template's. Asked of every route for
     * every call until one matches, so it reads the path in place, without splitting or collecting it.
     */
    boolean matches(String path) {
        return read(path, null);
    }

    /** The named segments' values in {@code path}, or null when {@code path} is not this template's. */
    Map<String, String> variables(String path) {
        Map<String, String> variables = new HashMap<>(4);
        return read(path, variables) ? variables : null;
    }

    /**
     * Walks {@code path} segment by segment against the template: another number of segments, another
     * literal or an empty value is no match. The named values go into {@code variables} unless it is null.
     */
    private boolean read(String path, Map<String, String> variables) {
        int end = path.indexOf('?');
        if (end < 0) {
            end = path.length();
        }
        int start = 0;
        for (String segment : segments) {
            if (start > end) {
                return false;
            }
            int slash = path.indexOf('/', start);
            int stop = slash < 0 || slash > end ? end : slash;
            if (segment.startsWith("{")) {
                if (stop == start) {
                    return false;
                }
                if (variables != null) {
                    variables.put(segment.substring(1, segment.length() - 1), path.substring(start, stop));
                }
            } else if (segment.length() != stop - start || !path.startsWith(segment, start)) {
                return false;
            }
            start = stop + 1;
        }
        return start == end + 1;
    }
}
