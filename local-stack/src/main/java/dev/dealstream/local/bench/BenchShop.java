package dev.dealstream.local.bench;

import dev.dealstream.topics.Topics;
import dev.dealstream.topics.UserId;
import dev.dealstream.topics.catalog.AdjustStock;
import dev.dealstream.topics.catalog.DefineProduct;
import dev.dealstream.topics.catalog.ProductId;
import dev.dealstream.topics.wallet.ChargeWallet;
import java.time.Instant;

/**
 * The shop the order benchmarks sell from, set up straight on the command topics: users, products,
 * their stock and the users' money. Every command's outcome is awaited through the {@link OutcomeClock}.
 */
final class BenchShop {

    static final long PRICE = 1_000;

    private final DirectCommands commands;
    private final OutcomeClock clock;
    private final String runId;

    BenchShop(DirectCommands commands, OutcomeClock clock, String runId) {
        this.commands = commands;
        this.clock = clock;
        this.runId = runId;
    }

    void registerUsers(long firstUser, int users) {
        for (long user = firstUser; user < firstUser + users; user++) {
            String requestId = "bench-" + runId + "-u-" + user;
            clock.due(requestId, System.nanoTime());
            commands.registerUser(requestId, user);
        }
    }

    void defineProducts(long firstProduct, int products) {
        for (long product = firstProduct; product < firstProduct + products; product++) {
            ProductId id = new ProductId(product);
            String defined = "bench-" + runId + "-p-" + product;
            clock.due(defined, System.nanoTime());
            commands.send(Topics.PRODUCT_COMMANDS, id.key(), new DefineProduct(defined, id, "bench " + product, PRICE, Instant.now()));
        }
    }

    /** Only for products already defined: a task takes its topics in no set order. */
    void stockProducts(long firstProduct, int products, int stock) {
        for (long product = firstProduct; product < firstProduct + products; product++) {
            ProductId id = new ProductId(product);
            String stocked = "bench-" + runId + "-s-" + product;
            clock.due(stocked, System.nanoTime());
            commands.send(Topics.STOCK_ADJUSTMENTS, id.key(), new AdjustStock(stocked, id, stock, Instant.now()));
        }
    }

    /** Only for users already registered. */
    void chargeUsers(long firstUser, int users, long amount) {
        for (long user = firstUser; user < firstUser + users; user++) {
            String requestId = "bench-" + runId + "-charge-" + user;
            clock.due(requestId, System.nanoTime());
            UserId id = new UserId(user);
            commands.send(Topics.WALLET_COMMANDS, id.key(), new ChargeWallet(requestId, id, amount, Instant.now()));
        }
    }

    void flush() {
        commands.flush();
    }
}
