package dev.dealstream.query.ranking;

import dev.dealstream.topics.ReasonCode;
import dev.dealstream.web.Problems;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The top products of the last 3 days, answered from this instance's copy of the merged ranking. */
@RestController
class PopularProductsController {

    /** The ranking is published about every second; a cache may hold it that long. */
    private static final CacheControl FRESH_FOR = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();

    private final PopularProductsListener ranking;

    PopularProductsController(PopularProductsListener ranking) {
        this.ranking = ranking;
    }

    @GetMapping("/api/v1/products/popular")
    ResponseEntity<?> popular() {
        return ranking.latest()
                .<ResponseEntity<?>>map(json -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(FRESH_FOR).body(json))
                .orElseGet(() -> Problems.of(ReasonCode.RANKING_NOT_READY, "the ranking has not been read from its topic yet"));
    }
}
