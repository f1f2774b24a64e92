package dev.marketplace.app.bench;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.PackageCheckedEvent;
import dev.marketplace.api.program.Permission;
import dev.marketplace.api.program.PrivacyDataUse;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.ranking.RankingWeightsValues;
import dev.marketplace.api.search.SearchAction;
import dev.marketplace.api.search.SearchRecordedEvent;
import dev.marketplace.api.search.SearchResultChosenEvent;
import dev.marketplace.api.security.Actor;
import dev.marketplace.api.security.ActorMetadata;
import dev.marketplace.api.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.marketplace.command.program.PackageChecks;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/**
 * Fills the event store quickly: events go straight through Axon's event store in batches of 1,000 per unit of
 * work and transaction, instead of one GraphQL call per command. They are the events the commands would have
 * raised (same types, payloads and actor metadata), and the write side's subscribing lookup tables (names, program
 * directory) see them in the same transaction, so the programs are known to later commands.
 */
public final class EventSeeder {

    static final String AGGREGATE_TYPE = "MiniProgram";
    static final String REVIEWER = "seed-reviewer";
    private static final int BATCH = 1000;
    private static final String[] ADJECTIVES = {"golden", "swift", "fresh", "happy", "smart", "urban", "green",
            "lucky", "bright", "quiet", "rapid", "cosmic", "silver", "royal", "sunny", "clever", "mighty", "gentle",
            "wild", "modern"};
    private static final String[] NOUNS = {"market", "kitchen", "travel", "wallet", "garden", "coffee", "ticket",
            "fitness", "library", "bakery", "pharmacy", "parking", "cinema", "noodle", "florist", "laundry",
            "karaoke", "bicycle", "museum", "grocery", "scanner", "delivery", "booking", "recipe", "taxi"};
    private static final String[] TAGS = {"retail", "scan-and-go", "loyalty", "coupons", "delivery", "booking",
            "payments", "maps", "family", "offline"};

    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final EventProcessingConfiguration processing;
    private final List<DomainEventMessage<?>> batch = new ArrayList<>();
    private long seeded;

    public EventSeeder(EventStore eventStore, TransactionManager transactions, EventProcessingConfiguration processing) {
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.processing = processing;
    }

    /** The name of the i-th catalogue program: two words from small lists and the number, all searchable. */
    static String name(int i) {
        return capitalized(ADJECTIVES[i % ADJECTIVES.length]) + " " + capitalized(NOUNS[(i / ADJECTIVES.length)
                                                                                        % NOUNS.length]) + " " + i;
    }

    static String word(int i) {
        return i % 2 == 0 ? ADJECTIVES[i / 2 % ADJECTIVES.length] : NOUNS[i / 2 % NOUNS.length];
    }

    static String tag(int i) {
        return TAGS[i % TAGS.length];
    }

    /**
     * A live program: registered, version 1.0.0 submitted, its package checked (no findings), approved and released
     * to everyone (five events), as the commands and the package checks would have raised them. The checks' event
     * is part of the history, so the seeding runs with the checks' scheduling stopped (see the benchmark): otherwise
     * every seeded submission would schedule a check that loads its program after the seeding and runs during the
     * measured rebuilds.
     */
    public void liveProgram(String id, int i) {
        String developer = "seed-dev-" + (i % 200);
        Category category = Category.values()[i % Category.values().length];
        List<String> tags = List.of(tag(i), tag(i / 3 + 1));
        List<Permission> permissions = List.of(Permission.values()[i % Permission.values().length]);
        add(id, 0, developer, Role.DEVELOPER, new MiniProgramRegisteredEvent(id, developer, name(i),
                "Order, scan and pay with " + name(i), "The " + name(i) + " mini-program: "
                + word(i + 3) + " and " + word(i + 7) + " in one place.", category, tags,
                "https://cdn.example.org/icons/" + i + ".png"));
        add(id, 1, developer, Role.DEVELOPER, new VersionSubmittedEvent(id, "1.0.0", "First release", permissions,
                List.of(PrivacyDataUse.ORDER_FULFILMENT), "ab".repeat(32), 1_048_576));
        add(id, 2, developer, Role.DEVELOPER, new PackageCheckedEvent(id, "1.0.0", List.of()));
        add(id, 3, REVIEWER, Role.REVIEWER, new VersionApprovedEvent(id, "1.0.0", REVIEWER, "Looks good"));
        add(id, 4, developer, Role.DEVELOPER, new VersionReleasedEvent(id, "1.0.0", 100));
    }

    /** A program with {@code events} events: its registration, then listing edits. */
    void longProgram(String id, String developer, String name, int events) {
        add(id, 0, developer, Role.DEVELOPER, new MiniProgramRegisteredEvent(id, developer, name, "Revision 0",
                "A program with a long history.", Category.TOOLS, List.of("bench"), null));
        for (int seq = 1; seq < events; seq++) {
            add(id, seq, developer, Role.DEVELOPER, new ListingUpdatedEvent(id, name, "Revision " + seq,
                    "A program with a long history.", Category.TOOLS, List.of("bench"), null));
        }
    }

    /**
     * A recorded search that showed {@code shown} and whose searcher installed {@code installed} from it (two events
     * of the search-session aggregate), as a signed-in user's catalogue search and chooseSearchResult would store.
     */
    public void searchSession(String searchId, String query, List<String> shown, String installed,
                              RankingWeightsValues weights) {
        String searcher = "seed-pseudonym-" + Math.floorMod(searchId.hashCode(), 1000);
        add("SearchSession", searchId, 0, "seed-user", Role.USER, new SearchRecordedEvent(
                searchId, searcher, query, null, "RELEVANCE", shown, weights));
        add("SearchSession", searchId, 1, "seed-user", Role.USER, new SearchResultChosenEvent(
                searchId, searcher, installed, shown.indexOf(installed) + 1, SearchAction.INSTALLED));
    }

    /**
     * Stores what is still buffered; returns how many events were seeded in all. The package checks' scheduling is
     * stopped meanwhile: the seeded histories hold their checks' outcome already.
     */
    public long flush() {
        if (!batch.isEmpty()) {
            EventProcessor checks = processing.eventProcessor(PackageChecks.PROCESSING_GROUP).orElseThrow();
            checks.shutDown();
            try {
                DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                unitOfWork.attachTransaction(transactions);
                eventStore.publish(new ArrayList<>(batch));
                unitOfWork.commit();
            } finally {
                checks.start();
            }
            seeded += batch.size();
            batch.clear();
        }
        return seeded;
    }

    private void add(String id, long sequence, String user, Role role, Object payload) {
        add(AGGREGATE_TYPE, id, sequence, user, role, payload);
    }

    private void add(String type, String id, long sequence, String user, Role role, Object payload) {
        MetaData metaData = MetaData.from(ActorMetadata.of(Actor.of(user, role)));
        batch.add(new GenericDomainEventMessage<>(type, id, sequence, payload, metaData));
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
