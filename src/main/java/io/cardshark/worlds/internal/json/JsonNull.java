package io.cardshark.worlds.internal.json;

/**
 * JSON {@code null}. An explicit null is data (CardShark writes {@code "background": null}) and differs from
 * an absent key, which {@link JsonObject#get} reports as Java {@code null}.
 */
public enum JsonNull implements Json {
    INSTANCE;

    @Override
    public String describe() {
        return "null";
    }
}
