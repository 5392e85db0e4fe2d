package dev.dealstream.topics.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short SHA-256 digest of a command's content, see {@link dev.dealstream.topics.Command#fingerprint()}. */
public final class Fingerprint {

    // getInstance looks the algorithm up among the security providers on every call
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private Fingerprint() {
    }

    public static String of(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            // length-prefixed so ("ab","c") and ("a","bc") differ
            String value = String.valueOf(part);
            text.append(value.length()).append(':').append(value).append('|');
        }
        byte[] digest = SHA_256.get().digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
