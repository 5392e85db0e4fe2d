package dev.dealstream.ingest.support;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.web.ApiException;
import java.util.UUID;
import java.util.regex.Pattern;

/** The request headers every command endpoint reads. */
public final class CommandHeaders {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String PREFER = "Prefer";

    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private CommandHeaders() {
    }

    /** The client's key if it sent a valid one, a new random id if it sent none. */
    public static String requestId(String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (!VISIBLE_ASCII.matcher(idempotencyKey).matches()) {
            throw new ApiException(ReasonCode.INVALID_IDEMPOTENCY_KEY, "Idempotency-Key must be 1-64 visible ASCII characters");
        }
        return idempotencyKey;
    }

    /** Whether {@code Prefer} asks for {@code respond-async} (RFC 7240). */
    public static boolean respondAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            if (preference.trim().toLowerCase().startsWith("respond-async")) {
                return true;
            }
        }
        return false;
    }
}
