package com.iduscore.contract.report;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps API keys and secrets out of reports and failure messages. Keys are shown as their first four characters and
 * {@code …****} ({@code idu_demo_a1} → {@code idu_…****}), enough to tell which credential was used and no more.
 *
 * <p>Every secret the target knows is {@link #register registered} when the target starts; {@link #mask(String)}
 * replaces each occurrence in any text, and also any {@code X-Api-Key}/{@code Authorization} header value and any
 * {@code idu_…} token it finds, in case a deployment echoes a key the suite never registered.
 */
public final class Masking {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final Pattern IDU_TOKEN = Pattern.compile("\\bidu_[A-Za-z0-9_\\-]{2,}");
    /** A credential header with its value, in header lines, curl lines and JSON alike. */
    private static final Pattern SECRET_HEADER = Pattern.compile(
            "(?i)((?:x-api-key|authorization)[\"']?\\s*[:=]\\s*[\"']?(?:(?:bearer|basic)\\s+)?)([^'\"\\r\\n,}\\s]+)");

    private Masking() {
    }

    /** Masks one key: its first four characters (fewer for short keys) and {@code …****}. */
    public static String maskKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.endsWith("…****")) {
            return key;
        }
        int keep = Math.min(4, key.length() / 2);
        return key.substring(0, keep) + "…****";
    }

    /** Adds a secret to replace wherever it appears. Blank values are ignored. */
    public static void register(String secret) {
        if (secret != null && !secret.isBlank()) {
            SECRETS.add(secret);
        }
    }

    /** Masks a header value when the header carries a credential. */
    public static String maskHeader(String name, String value) {
        if (value == null) {
            return null;
        }
        if (name.equalsIgnoreCase("x-api-key")) {
            return maskKey(value);
        }
        if (name.equalsIgnoreCase("authorization")) {
            int space = value.indexOf(' ');
            return space > 0 ? value.substring(0, space + 1) + maskKey(value.substring(space + 1)) : maskKey(value);
        }
        return mask(value);
    }

    /** Replaces every registered secret, every {@code idu_} token and every credential header value in a text. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        List<String> longestFirst = SECRETS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : longestFirst) {
            masked = masked.replace(secret, maskKey(secret));
        }
        Matcher headers = SECRET_HEADER.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (headers.find()) {
            String value = headers.group(2);
            String replacement = value.endsWith("…****") ? headers.group(0) : headers.group(1) + maskKey(value);
            headers.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        headers.appendTail(out);
        masked = out.toString();
        Matcher tokens = IDU_TOKEN.matcher(masked);
        out = new StringBuilder();
        while (tokens.find()) {
            tokens.appendReplacement(out, Matcher.quoteReplacement(maskKey(tokens.group())));
        }
        tokens.appendTail(out);
        return out.toString();
    }
}
