package dev.dealstream.topics.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short SHA-256 digest of a command's content, see {@link dev.dealstream.topics.Command#fingerprint()}. */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            // length-prefixed so ("ab","c") and ("a","bc") differ
            String value = String.valueOf(part);
            text.append(value.length()).append(':').append(value).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
