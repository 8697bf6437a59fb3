package dev.aispend.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * The identity directory (docs/directory.md): per person their email as the person key, team, cost center and
 * every alias a client names them by, from a fixed instant (so a second load is the same entry again: 200).
 */
final class DirectoryJson {
    private DirectoryJson() {
    }

    static byte[] batch(List<Person> people, Instant validFrom) {
        ArrayNode entries = Json.array();
        for (Person person : people) {
            ObjectNode entry = entries.addObject().put("person", person.email()).put("team", person.team().name())
                    .put("costCenter", person.team().costCenter()).put("validFrom", validFrom.toString());
            ObjectNode aliases = entry.putObject("aliases");
            aliases.putArray("email").add(person.email());
            aliases.putArray("githubLogin").add(person.githubLogin());
            aliases.putArray("providerAccountId").add(person.accountUuid()).add(person.gatewayUser());
            aliases.putArray("apiKeyId").add(person.apiKeyId());
        }
        ObjectNode root = Json.object();
        root.set("people", entries);
        return Json.bytes(root);
    }
}
