package dev.aispend.platform.secrets;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.StringJoiner;

/** A record's text as the JDK writes it, the values of its {@link Secret} components replaced. */
public final class Redacted {
    /** What stands for a secret that is set; an unset one shows as it is (null or empty), which is worth knowing. */
    public static final String MARK = "<redacted>";

    private Redacted() {
    }

    /** {@code IngestConfiguration[pseudonymKey=<redacted>, maxBatchRecords=1000, ...]}. */
    public static String toString(Record record) {
        StringJoiner text = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            text.add(component.getName() + "=" + valueText(record, component));
        }
        return text.toString();
    }

    private static String valueText(Record record, RecordComponent component) {
        Object value = valueOf(record, component);
        if (component.isAnnotationPresent(Secret.class) && !unset(value)) {
            return MARK;
        }
        return String.valueOf(value);
    }

    private static boolean unset(Object value) {
        return value == null || value instanceof CharSequence text && text.isEmpty()
                || value instanceof Collection<?> values && values.isEmpty();
    }

    private static Object valueOf(Record record, RecordComponent component) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            // Never the value: the component's name is enough to see what went wrong.
            return "<unreadable: " + unreadable.getClass().getSimpleName() + ">";
        }
    }
}
