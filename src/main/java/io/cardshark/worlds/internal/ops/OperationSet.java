package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.internal.engine.Access;
import io.cardshark.worlds.Chats;
import io.cardshark.worlds.Events;
import io.cardshark.worlds.WorldFiles;
import io.cardshark.worlds.Locations;
import io.cardshark.worlds.Players;
import io.cardshark.worlds.StoreSettings;
import io.cardshark.worlds.WorldTransaction;
import io.cardshark.worlds.Worlds;

/** The capability objects of one {@link Access}: the store's own, or a transaction's. */
public final class OperationSet implements WorldTransaction {

    private final Worlds worlds;
    private final Locations locations;
    private final Players players;
    private final Chats chats;
    private final Events events;
    private final WorldFiles files;
    private final StoreSettings settings;

    public OperationSet(Access access, BeforeDestroy beforeDelete) {
        this.worlds = new WorldOps(access, beforeDelete);
        this.locations = new LocationOps(access);
        this.players = new PlayerOps(access);
        this.chats = new ChatOps(access);
        this.events = new EventOps(access);
        this.files = new FileOps(access);
        this.settings = new SettingOps(access);
    }

    @Override
    public Worlds worlds() {
        return worlds;
    }

    @Override
    public Locations locations() {
        return locations;
    }

    @Override
    public Players players() {
        return players;
    }

    @Override
    public Chats chats() {
        return chats;
    }

    @Override
    public Events events() {
        return events;
    }

    @Override
    public WorldFiles files() {
        return files;
    }

    @Override
    public StoreSettings settings() {
        return settings;
    }
}
