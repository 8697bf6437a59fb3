package dev.aispend.audit;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of required JSON members, each failing with a message naming the member, so a malformed proof is
 * reported as "proof.json: member x ..." rather than as a ClassCastException.
 */
final class JsonFields {

    private JsonFields() {
    }

    static Map<String, Object> object(Object value, String name) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + " must be a JSON object");
        }
        @SuppressWarnings("unchecked") // Json.parse only ever makes Map<String, Object>.
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }

    static Object member(Map<String, Object> object, String name) {
        if (!object.containsKey(name) || object.get(name) == null) {
            throw new IllegalArgumentException("member \"" + name + "\" is missing");
        }
        return object.get(name);
    }

    static Map<String, Object> objectMember(Map<String, Object> object, String name) {
        return object(member(object, name), "member \"" + name + "\"");
    }

    static long longMember(Map<String, Object> object, String name) {
        if (!(member(object, name) instanceof Long value)) {
            throw new IllegalArgumentException("member \"" + name + "\" must be an integer");
        }
        return value;
    }

    static int intMember(Map<String, Object> object, String name) {
        long value = longMember(object, name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("member \"" + name + "\" does not fit in an int: " + value);
        }
        return (int) value;
    }

    static String stringMember(Map<String, Object> object, String name) {
        if (!(member(object, name) instanceof String value)) {
            throw new IllegalArgumentException("member \"" + name + "\" must be a string");
        }
        return value;
    }

    /** A member that may be absent or null, for fields no hash covers. */
    static String optionalStringMember(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("member \"" + name + "\" must be a string or null");
        }
        return (String) value;
    }

    static byte[] hashMember(Map<String, Object> object, String name) {
        try {
            return Hex.decodeHash(stringMember(object, name));
        } catch (IllegalArgumentException notAHash) {
            throw new IllegalArgumentException("member \"" + name + "\": " + notAHash.getMessage(), notAHash);
        }
    }

    static byte[] base64Member(Map<String, Object> object, String name) {
        try {
            return Base64.getDecoder().decode(stringMember(object, name));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("member \"" + name + "\" is not base64: " + notBase64.getMessage(),
                    notBase64);
        }
    }

    static List<byte[]> hashListMember(Map<String, Object> object, String name) {
        if (!(member(object, name) instanceof List<?> values)) {
            throw new IllegalArgumentException("member \"" + name + "\" must be an array");
        }
        List<byte[]> hashes = new ArrayList<>(values.size());
        for (int index = 0; index < values.size(); index++) {
            if (!(values.get(index) instanceof String text)) {
                throw new IllegalArgumentException("member \"" + name + "\"[" + index + "] must be a string");
            }
            try {
                hashes.add(Hex.decodeHash(text));
            } catch (IllegalArgumentException notAHash) {
                throw new IllegalArgumentException("member \"" + name + "\"[" + index + "]: "
                        + notAHash.getMessage(), notAHash);
            }
        }
        return hashes;
    }

    static List<String> hexList(List<byte[]> hashes) {
        List<String> hexes = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            hexes.add(Hex.encode(hash));
        }
        return hexes;
    }
}
