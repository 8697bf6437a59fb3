package dev.aispend.report.web;

/** A person-level view asked for by a caller who may not see people: 403 naming the parameter that asked. */
public final class PeopleNotVisibleException extends RuntimeException {
    private final String field;

    public PeopleNotVisibleException(String field) {
        super("person-level figures are shown only to callers who may see people");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
