package dev.aispend.platform.secrets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What private key material looks like in a text file: a PEM private key block with its content, a JWK holding
 * its private part ("d"), or base64 DER (PKCS#8, RSA's PKCS#1) as a setting would hold it. The patterns are
 * assembled from pieces so this file does not match them itself.
 */
final class PrivateKeyPatterns {
    private static final String BASE64_RUN = "[A-Za-z0-9+/]{16}";
    private static final Map<String, Pattern> KINDS = new LinkedHashMap<>();

    static {
        // The header and then key material, possibly across line breaks and string concatenation in source code;
        // a header alone (code that writes a PEM file, a document describing one) holds no key.
        KINDS.put("PEM private key", Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE" + " KEY-----"
                + "[\\s\"'+\\\\n]*" + BASE64_RUN));
        // A JWK's private exponent or scalar: "d" with a base64url value, quotes possibly escaped in source code.
        KINDS.put("JWK with a private part (\"d\")",
                Pattern.compile("\\\\?\"d\\\\?\"\\s*:\\s*\\\\?\"[A-Za-z0-9_-]{16,}"));
        // DER as base64: a SEQUENCE, version 0 (or 1, with the public key), then the algorithm's identifier.
        KINDS.put("base64 Ed25519 private key (PKCS#8)", Pattern.compile("M[A-Za-z0-9+/]{2}CAQ[AE]w" + "BQYDK2Vw"));
        // The identifier falls on either base64 alignment, as the length before it takes one byte (Java) or two.
        KINDS.put("base64 EC private key (PKCS#8)", Pattern.compile("M[A-Za-z0-9+/]{2}CAQAw[A-Za-z0-9+/]{2}"
                + "YHKoZIzj0" + "CAQ|MIG[A-Za-z0-9+/]AgEAMB[A-Za-z0-9+/]" + "GByqGSM49" + "AgE"));
        KINDS.put("base64 RSA private key (PKCS#8)",
                Pattern.compile("MII[A-Za-z0-9+/]{3}IBADAN" + "BgkqhkiG9w0BAQEFAAS"));
        KINDS.put("base64 RSA private key (PKCS#1)", Pattern.compile("MII[A-Za-z0-9+/]{3}IBAAK" + "CAQEA"));
    }

    private PrivateKeyPatterns() {
    }

    /** The kind of the first private key found in {@code text}, if any. */
    static Optional<String> firstKindIn(String text) {
        return KINDS.entrySet().stream().filter(kind -> kind.getValue().matcher(text).find())
                .map(Map.Entry::getKey).findFirst();
    }
}
