package dev.aispend.report.web;

import dev.aispend.platform.web.FieldError;
import dev.aispend.report.readmodel.ReportRefusal;

import java.util.List;

/** A person-level view asked for by a caller who may not see people: 403 naming the parameter that asked. */
public final class PeopleNotVisibleException extends ReportRefusal {
    private final String field;

    public PeopleNotVisibleException(String field) {
        super(403, "person-level figures are shown only to callers who may see people",
                List.of(new FieldError(field, "asks for person-level figures")));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
