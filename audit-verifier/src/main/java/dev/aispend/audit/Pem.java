package dev.aispend.audit;

import java.util.Base64;
import java.util.Objects;

/** PEM armor (RFC 7468, strict form) around DER: one block, the expected label, nothing else but whitespace. */
final class Pem {

    private Pem() {
    }

    static byte[] decode(String pem, String label) {
        Objects.requireNonNull(pem, "pem");
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        String text = pem.strip();
        if (!text.startsWith(begin) || !text.endsWith(end) || text.length() < begin.length() + end.length()) {
            throw new IllegalArgumentException("not a PEM block labelled \"" + label + "\"");
        }
        String body = text.substring(begin.length(), text.length() - end.length()).replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the PEM body is not base64: " + notBase64.getMessage(), notBase64);
        }
    }

    static String encode(byte[] der, String label) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
