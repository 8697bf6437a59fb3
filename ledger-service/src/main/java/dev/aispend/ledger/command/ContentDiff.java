package dev.aispend.ledger.command;

import dev.aispend.contracts.ledger.PolicyChanged.ContentChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What changed between two versions of a policy's content, one entry per top-level field, sorted by name. */
final class ContentDiff {
    private ContentDiff() {
    }

    static List<ContentChange> between(Map<String, Object> before, Map<String, Object> after) {
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<ContentChange> changes = new ArrayList<>();
        for (String field : fields) {
            Object old = before.get(field);
            Object updated = after.get(field);
            if (!Objects.equals(old, updated)) {
                changes.add(new ContentChange(field, old, updated));
            }
        }
        return changes;
    }
}
