package dev.aispend.ingest.directory;

import dev.aispend.platform.web.FieldError;

import java.util.List;

/**
 * Entries that contradict the directory: an alias already has an entry from the same instant with another person,
 * team or cost center. Answered 409 naming each alias by its field path and kind, never its value (personal data);
 * nothing of the request was written or published. The message carries only a count.
 */
public final class DirectoryConflictException extends RuntimeException {
    private final transient List<FieldError> conflicts;

    public DirectoryConflictException(List<FieldError> conflicts) {
        super(conflicts.size() + " directory entries contradict recorded ones");
        this.conflicts = List.copyOf(conflicts);
    }

    public List<FieldError> conflicts() {
        return conflicts;
    }
}
