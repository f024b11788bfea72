package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonBool;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonPointer;
import io.cardshark.worlds.internal.json.JsonString;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides whether a parsed {@code world_state.json} conforms (format spec §3.1 and §3.3) and in which
 * shape. The first problem found is reported with its JSON pointer, what was expected and what was found.
 * Public for the converters of CardShark's later forms, whose tests check that what they make conforms.
 */
public final class StateValidator {

    /**
     * Why a document does not conform.
     *
     * @param pointer  where
     * @param expected what the format asks for there
     * @param found    what is there
     */
    public record Problem(JsonPointer pointer, String expected, String found) {
        /** {@code at /locations/0,0,0/name: expected a string, found null}. */
        public String describe() {
            return (pointer.text().isEmpty() ? "at the top" : "at " + pointer) + ": expected " + expected + ", found " + found;
        }
    }

    /** The outcome: a shape, or the problem. */
    public record Verdict(WorldShape shape, Problem problem) {
        /** Whether the document conforms, so that {@link #shape()} is set. */
        public boolean conforms() {
            return problem == null;
        }
    }

    private StateValidator() {
    }

    /** Judges a parsed document. */
    public static Verdict check(Json document) {
        try {
            return new Verdict(checkOrThrow(document), null);
        } catch (Refusal r) {
            return new Verdict(null, r.problem);
        }
    }

    /** Signals the first problem; carries no stack trace, since it is a verdict, not a bug. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        Refusal(Problem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }

    private static Refusal refuse(JsonPointer at, String expected, Json found) {
        return new Refusal(new Problem(at, expected, found == null ? "nothing" : describe(found)));
    }

    private static String describe(Json value) {
        if (value instanceof JsonNumber n) {
            return "the number " + n.token();
        }
        if (value instanceof JsonString s) {
            String text = s.value().length() > 40 ? s.value().substring(0, 40) + "…" : s.value();
            return "the string \"" + text + "\"";
        }
        return value.describe();
    }

    private static WorldShape checkOrThrow(Json document) {
        JsonPointer root = JsonPointer.ROOT;
        if (!(document instanceof JsonObject state)) {
            throw refuse(root, "an object", document);
        }
        if (state.has("rooms")) {
            throw refuse(root.child("rooms"), "no \"rooms\" (CardShark's rooms-array form R, read only as a world's"
                    + " world_state.json, format §12)", state.get("rooms"));
        }
        if (state.has("schema_version")) {
            throw refuse(root.child("schema_version"), "no \"schema_version\" (CardShark's version-2 schema, read only"
                    + " from a world card or a ZIP export, format §12)",
                    state.get("schema_version"));
        }
        boolean hasName = state.has("name");
        boolean hasMetadata = state.has("metadata");
        if (!hasName && !hasMetadata) {
            throw new Refusal(new Problem(root, "\"name\" or \"metadata\" (a world state)", "neither"));
        }
        if (hasName) {
            string(state, "name", root, false, true);
        }
        if (hasMetadata && !(state.get("metadata") instanceof JsonObject)) {
            throw refuse(root.child("metadata"), "an object", state.get("metadata"));
        }
        string(state, "version", root, false, false);
        string(state, "current_position", root, false, false);
        if (state.has("visited_positions")) {
            JsonArray visits = array(state.get("visited_positions"), root.child("visited_positions"));
            for (int i = 0; i < visits.size(); i++) {
                if (!(visits.get(i) instanceof JsonString)) {
                    throw refuse(root.child("visited_positions").child(i), "a string", visits.get(i));
                }
            }
        }
        Map<String, JsonPointer> locationIds = new HashMap<>();
        if (state.has("locations")) {
            JsonObject locations = object(state.get("locations"), root.child("locations"));
            for (Map.Entry<String, Json> e : locations.asMap().entrySet()) {
                checkLocation(e.getValue(), root.child("locations").child(e.getKey()), locationIds);
            }
        }
        if (state.has("unconnected_locations")) {
            JsonObject lore = object(state.get("unconnected_locations"), root.child("unconnected_locations"));
            for (Map.Entry<String, Json> e : lore.asMap().entrySet()) {
                checkUnconnected(e.getValue(), root.child("unconnected_locations").child(e.getKey()), locationIds);
            }
        }
        if (state.has("player")) {
            JsonPointer at = root.child("player");
            JsonObject player = object(state.get("player"), at);
            for (String stat : new String[]{"health", "stamina", "level", "experience"}) {
                if (player.has(stat)) {
                    integer(player.get(stat), at.child(stat), false);
                }
            }
        }
        string(state, "base_character_id", root, true, false);
        return hasName && hasMetadata ? WorldShape.H : hasName ? WorldShape.F : WorldShape.M;
    }

    private static void checkLocation(Json value, JsonPointer at, Map<String, JsonPointer> ids) {
        JsonObject l = object(value, at);
        string(l, "name", at, false, true);
        if (l.has("coordinates") && !(l.get("coordinates") instanceof JsonNull)) {
            JsonArray c = array(l.get("coordinates"), at.child("coordinates"));
            for (int i = 0; i < c.size(); i++) {
                integer(c.get(i), at.child("coordinates").child(i), false);
            }
        }
        uniqueId(l, at, ids);
        string(l, "description", at, false, true);
        for (String f : new String[]{"introduction", "zone_id", "room_type", "notes", "background", "lore_source"}) {
            string(l, f, at, true, false);
        }
        if (l.has("events")) {
            JsonArray events = array(l.get("events"), at.child("events"));
            for (int i = 0; i < events.size(); i++) {
                checkEventDefinition(events.get(i), at.child("events").child(i));
            }
        }
        if (l.has("npcs")) {
            JsonArray npcs = array(l.get("npcs"), at.child("npcs"));
            for (int i = 0; i < npcs.size(); i++) {
                if (!(npcs.get(i) instanceof JsonString)) {
                    throw refuse(at.child("npcs").child(i), "a string", npcs.get(i));
                }
            }
        }
        if (l.has("explicit_exits") && !(l.get("explicit_exits") instanceof JsonNull)) {
            JsonObject exits = object(l.get("explicit_exits"), at.child("explicit_exits"));
            for (Map.Entry<String, Json> e : exits.asMap().entrySet()) {
                checkExit(e.getValue(), at.child("explicit_exits").child(e.getKey()));
            }
        }
        if (l.has("connected") && !(l.get("connected") instanceof JsonBool) && !(l.get("connected") instanceof JsonNull)) {
            throw refuse(at.child("connected"), "a boolean or null", l.get("connected"));
        }
    }

    private static void checkUnconnected(Json value, JsonPointer at, Map<String, JsonPointer> ids) {
        JsonObject l = object(value, at);
        uniqueId(l, at, ids);
        string(l, "name", at, false, true);
        string(l, "description", at, false, true);
        string(l, "lore_source", at, false, true);
    }

    private static void uniqueId(JsonObject l, JsonPointer at, Map<String, JsonPointer> ids) {
        string(l, "location_id", at, false, true);
        String id = ((JsonString) l.get("location_id")).value();
        JsonPointer first = ids.putIfAbsent(id, at.child("location_id"));
        if (first != null) {
            throw new Refusal(new Problem(at.child("location_id"), "a location_id unique in the world",
                    "\"" + id + "\" again (first at " + first + ")"));
        }
    }

    private static void checkExit(Json value, JsonPointer at) {
        JsonObject x = object(value, at);
        string(x, "target_coordinates", at, true, false);
        string(x, "target_location_id", at, true, false);
        string(x, "name", at, false, true);
        string(x, "description", at, true, false);
        if (x.has("locked") && !(x.get("locked") instanceof JsonBool)) {
            throw refuse(at.child("locked"), "a boolean", x.get("locked"));
        }
        string(x, "key_item_id", at, true, false);
    }

    private static void checkEventDefinition(Json value, JsonPointer at) {
        JsonObject ev = object(value, at);
        string(ev, "id", at, false, true);
        string(ev, "trigger", at, false, true);
        string(ev, "description", at, false, true);
        if (ev.has("conditions") && !(ev.get("conditions") instanceof JsonNull)) {
            JsonArray c = array(ev.get("conditions"), at.child("conditions"));
            for (int i = 0; i < c.size(); i++) {
                if (!(c.get(i) instanceof JsonString)) {
                    throw refuse(at.child("conditions").child(i), "a string", c.get(i));
                }
            }
        }
        if (ev.has("cooldown")) {
            integer(ev.get("cooldown"), at.child("cooldown"), true);
        }
    }

    private static void string(JsonObject o, String key, JsonPointer at, boolean nullable, boolean required) {
        Json v = o.get(key);
        if (v == null) {
            if (required) {
                throw new Refusal(new Problem(at.child(key), "a string", "nothing (the field is missing)"));
            }
            return;
        }
        if (v instanceof JsonString || (nullable && v instanceof JsonNull)) {
            return;
        }
        throw refuse(at.child(key), nullable ? "a string or null" : "a string", v);
    }

    private static JsonObject object(Json v, JsonPointer at) {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw refuse(at, "an object", v);
    }

    private static JsonArray array(Json v, JsonPointer at) {
        if (v instanceof JsonArray a) {
            return a;
        }
        throw refuse(at, "an array", v);
    }

    /** An integer token (no fraction, no exponent) that fits a signed 64-bit value; no coercion. */
    private static void integer(Json v, JsonPointer at, boolean nullable) {
        if (nullable && v instanceof JsonNull) {
            return;
        }
        if (v instanceof JsonNumber n && n.isInteger()) {
            try {
                n.longValueExact();
                return;
            } catch (ArithmeticException tooLarge) {
                throw refuse(at, "an integer that fits 64 bits", v);
            }
        }
        throw refuse(at, nullable ? "an integer or null" : "an integer", v);
    }
}
