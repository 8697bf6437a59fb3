package dev.aispend.report.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Each read model's applied position (read_model_position), advanced with the checkpoint in one transaction. */
final class ReadModelPositions {
    private ReadModelPositions() {
    }

    static void advance(Connection connection, long position) {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO read_model_position "
                + "(read_model, applied_position) VALUES (?, ?) ON CONFLICT (read_model) DO UPDATE "
                + "SET applied_position = EXCLUDED.applied_position")) {
            for (String readModel : ReportProjection.READ_MODELS) {
                upsert.setString(1, readModel);
                upsert.setLong(2, position);
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException failure) {
            throw new IllegalStateException("could not advance the read models to " + position, failure);
        }
    }
}
