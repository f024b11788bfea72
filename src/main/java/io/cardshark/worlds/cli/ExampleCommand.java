package io.cardshark.worlds.cli;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.EventDefinition;
import io.cardshark.worlds.Exit;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewEvent;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Base64;
import java.util.List;

@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Create the example world \"Emberfall Keep\" through the Java API (once), then list the store.")
final class ExampleCommand extends StoreCommand {

    static final String DISPLAY_NAME = "Emberfall Keep";

    /** A 1x1 PNG, so the example world carries a real image. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int run(WorldStore s, PrintWriter out) {
        String id = io.cardshark.worlds.WorldIds.fromDisplayName(DISPLAY_NAME);
        if (s.worlds().exists(id)) {
            out.println("world " + Terminal.safe(id) + " already exists");
        } else {
            out.println("created world " + create(s).id());
        }
        ListCommand.print(s, out);
        return Main.EXIT_OK;
    }

    /** Builds the example in one transaction: all of it, or nothing. */
    static World create(WorldStore s) {
        return s.inTransaction(tx -> {
            World w = tx.worlds().create(DISPLAY_NAME);
            String id = w.id();
            Coordinates gate = Coordinates.of(0, 0, 0);
            Coordinates hall = Coordinates.of(0, 1, 0);
            Coordinates cellar = Coordinates.of(0, 1, -1);
            tx.locations().put(id, Location.at(gate, "gate", "Gatehouse", "A portcullis rusted half open.")
                    .withIntroduction("Rain drums on the gatehouse roof.")
                    .withBackground("gate.png")
                    .withExits(List.of(Exit.to("north", "Courtyard arch", hall)))
                    .withNpcs(List.of("characters/Brann the Warden.png"))
                    .withEvents(List.of(new EventDefinition("evt_gate_creak", "enter", "The portcullis groans.",
                            null, 60L))));
            tx.locations().put(id, Location.at(hall, "great_hall", "Great Hall", "Long tables, cold hearth.")
                    .withExits(List.of(Exit.to("south", "Gatehouse", gate),
                            new Exit("down", cellar.key(), null, "Cellar stairs", "Steep and wet", true, "item_iron_key")))
                    .withNpcs(List.of("characters/Brann the Warden.png", "characters/Mira Ashdown.png")));
            tx.locations().put(id, Location.at(cellar, "cellar", "Cellar", "Barrels, and something breathing."));
            tx.locations().put(id, Location.unconnected("lore_1", "The Drowned Chapel",
                    "Spoken of, never found.", "Brann's stories"));
            tx.players().move(id, gate);
            tx.players().move(id, hall);
            String gateChat = tx.chats().create(id, NewChat.at("gate", "At the gate")).chatId();
            tx.chats().appendAll(id, gateChat, List.of(NewMessage.of("user", "Hello? Anyone there?"),
                    NewMessage.of("assistant", "Brann squints down from the wall.")));
            String hallChat = tx.chats().create(id, NewChat.at("great_hall", "Supper")).chatId();
            tx.chats().append(id, hallChat, NewMessage.of("assistant", "Mira sets down a bowl of stew."));
            tx.events().record(id, new NewEvent("evt_gate_opened", "evt_gate_creak", "gate", "enter", null,
                    "{\"result\": \"the gate opened\", \"noise\": 3}"));
            tx.files().put(id, "images/backgrounds/gate.png", PNG);
            return tx.worlds().get(id);
        });
    }
}
