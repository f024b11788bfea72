package io.cardshark.worlds.cli;

import io.cardshark.worlds.folder.ExportResult;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonBool;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;

import java.util.List;

/** The {@code --json} form of import and export reports: one JSON array, for scripts. */
final class ResultJson {

    private ResultJson() {
    }

    static String imports(List<ImportResult> results) {
        return JsonWriter.toString(new JsonArray(results.stream().map(ResultJson::of).map(Json.class::cast).toList()),
                JsonStyle.DOCUMENTED);
    }

    static String exports(List<ExportResult> results) {
        return JsonWriter.toString(new JsonArray(results.stream().map(ResultJson::of).map(Json.class::cast).toList()),
                JsonStyle.DOCUMENTED);
    }

    private static JsonObject of(ImportResult r) {
        var c = r.counts();
        return JsonObject.builder()
                .put("world", text(r.worldId()))
                .put("folder", text(r.folder().toString()))
                .put("outcome", text(r.outcome().name().toLowerCase(java.util.Locale.ROOT)))
                .put("state_file", text(r.stateFile()))
                .put("shape", text(r.shape() == null ? null : r.shape().name()))
                .put("form", text(r.form() == null ? null : r.form().label()))
                .put("form_version", text(r.formVersion()))
                .put("counts", JsonObject.builder()
                        .put("locations", JsonNumber.of(c.locations()))
                        .put("unconnected_locations", JsonNumber.of(c.unconnectedLocations()))
                        .put("chats", JsonNumber.of(c.chats()))
                        .put("messages", JsonNumber.of(c.messages()))
                        .put("events", JsonNumber.of(c.events()))
                        .put("files", JsonNumber.of(c.files()))
                        .put("backups", JsonNumber.of(c.backups()))
                        .put("bytes", JsonNumber.of(c.bytes()))
                        .build())
                .put("recovery", strings(r.recovery()))
                .put("skipped", strings(r.skipped()))
                .put("warnings", strings(r.warnings()))
                .put("error", text(r.error()))
                .build();
    }

    private static JsonObject of(ExportResult r) {
        return JsonObject.builder()
                .put("world", text(r.worldId()))
                .put("target", text(r.target().toString()))
                .put("layout", text(r.layout().name().toLowerCase(java.util.Locale.ROOT)))
                .put("files", JsonNumber.of(r.files()))
                .put("bytes", JsonNumber.of(r.bytes()))
                .put("chats", JsonNumber.of(r.chats()))
                .put("messages", JsonNumber.of(r.messages()))
                .put("replaced", JsonBool.of(r.replaced()))
                .build();
    }

    private static Json text(String s) {
        return s == null ? JsonNull.INSTANCE : new JsonString(s);
    }

    private static JsonArray strings(List<String> list) {
        return new JsonArray(list.stream().map(JsonString::new).map(Json.class::cast).toList());
    }
}
