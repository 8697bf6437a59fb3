package dev.aispend.demo;

import java.time.Instant;
import java.util.List;

/** The directory's people, one batch (POST /v1/directory/people/batch, admin). */
public record DirectoryDelivery(String name, byte[] body) implements Delivery {

    /** These people's entries, valid from {@code validFrom}: a person the directory holds otherwise moves then. */
    public static DirectoryDelivery of(List<Person> people, Instant validFrom) {
        return new DirectoryDelivery("directory (" + people.size() + " people)", DirectoryJson.batch(people, validFrom));
    }
    @Override
    public Service service() {
        return Service.INGEST;
    }

    @Override
    public String path() {
        return "/v1/directory/people/batch";
    }
}
