package dev.dealstream.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small data set to try the API with: users 1-20, each charged 50,000 won, and products 1-5 with
 * 100 units each. Sent through the ingest API with fixed idempotency keys, so loading it again within
 * the request retention (24 h) changes nothing.
 */
final class DemoData {

    static final int USERS = 20;
    static final long CHARGE = 50_000;

    private static final String[] NAMES = {"Mina", "Joon", "Seo-yeon", "Ha-eun", "Min-jun", "Ji-woo", "Do-yun",
        "Seo-jun", "Ye-jin", "Hyun-woo", "Su-bin", "Ji-ho", "Yu-na", "Tae-yang", "Da-eun", "Eun-ji", "Woo-jin",
        "Chae-won", "Si-woo", "Na-rae"};
    private static final String[] PRODUCTS = {"Trail shoes", "Rain jacket", "Water bottle", "Head lamp", "Wool socks"};
    private static final long[] PRICES = {89_000, 129_000, 15_000, 32_000, 9_000};
    static final int PRODUCT_COUNT = PRODUCTS.length;
    static final int STOCK = 100;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String ingestUrl;

    DemoData(String ingestUrl) {
        this.ingestUrl = ingestUrl;
    }

    void load() throws IOException, InterruptedException {
        for (int user = 1; user <= USERS; user++) {
            send("PUT", "/api/v1/admin/users/" + user, "{\"name\":\"" + NAMES[user - 1] + "\"}", "demo-user-" + user);
            send("POST", "/api/v1/wallets/" + user + "/charges", "{\"amount\":" + CHARGE + "}", "demo-charge-" + user);
        }
        for (int product = 1; product <= PRODUCTS.length; product++) {
            send("PUT", "/api/v1/admin/products/" + product,
                    "{\"name\":\"" + PRODUCTS[product - 1] + "\",\"price\":" + PRICES[product - 1] + "}", "demo-product-" + product);
            send("POST", "/api/v1/admin/products/" + product + "/stock", "{\"quantity\":" + STOCK + "}", "demo-stock-" + product);
        }
    }

    private void send(String method, String path, String body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
