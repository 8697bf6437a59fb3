package dev.aispend.demo;

/** A service answered a delivery with something other than what it answers a good one: the load stops. */
public final class DeliveryRefusedException extends RuntimeException {
    public DeliveryRefusedException(String delivery, int status, String body) {
        super(delivery + " was refused: HTTP " + status + " " + (body.length() > 600 ? body.substring(0, 600) + "..."
                : body));
    }

    public DeliveryRefusedException(String message) {
        super(message);
    }
}
