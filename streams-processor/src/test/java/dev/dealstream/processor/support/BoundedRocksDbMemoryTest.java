package dev.dealstream.processor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    private final Map<String, Object> configs = Map.of(
            BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, Long.toString(64L << 20),
            BoundedRocksDbMemory.MEMTABLE_BYTES_CONFIG, Long.toString(2L << 20));

    @Test
    void everyStoreGetsTheConfiguredMemtableSizeAndCachedIndexAndFilterBlocks() {
        try (Options wallets = new Options().setTableFormatConfig(new BlockBasedTableConfig());
             Options requestLog = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
            BoundedRocksDbMemory setter = new BoundedRocksDbMemory();

            setter.setConfig("wallets", wallets, configs);
            setter.setConfig("account-request-log", requestLog, configs);

            assertThat(wallets.writeBufferSize()).isEqualTo(2L << 20);
            assertThat(requestLog.writeBufferSize()).isEqualTo(2L << 20);
            BlockBasedTableConfig walletsTable = (BlockBasedTableConfig) wallets.tableFormatConfig();
            BlockBasedTableConfig requestLogTable = (BlockBasedTableConfig) requestLog.tableFormatConfig();
            assertThat(walletsTable.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(requestLogTable.cacheIndexAndFilterBlocks()).isTrue();
        }
    }

    @Test
    void theLastLevelKeepsItsBloomFilterSoThatMissesReadNoDataBlock() {
        try (Options requestLog = new Options().setTableFormatConfig(new BlockBasedTableConfig())
                .setOptimizeFiltersForHits(true)) {
            new BoundedRocksDbMemory().setConfig("account-request-log", requestLog, configs);

            assertThat(requestLog.optimizeFiltersForHits()).isFalse();
        }
    }

    @Test
    void aRequestLogSegmentMergesItsFlushesLessOftenThanOtherStores() {
        try (Options wallets = new Options().setTableFormatConfig(new BlockBasedTableConfig());
             Options requestLogSegment = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
            BoundedRocksDbMemory setter = new BoundedRocksDbMemory();

            setter.setConfig("wallets", wallets, configs);
            setter.setConfig("campaign-request-log.1764720000000", requestLogSegment, configs);

            assertThat(wallets.level0FileNumCompactionTrigger()).as("RocksDB's default").isEqualTo(4);
            assertThat(requestLogSegment.level0FileNumCompactionTrigger()).isEqualTo(16);
            assertThat(requestLogSegment.level0SlowdownWritesTrigger()).isGreaterThan(16);
            assertThat(requestLogSegment.level0StopWritesTrigger())
                    .isGreaterThan(requestLogSegment.level0SlowdownWritesTrigger());
        }
    }

    @Test
    void aRequestLogSegmentCompressesItsFilesAndOtherStoresKeepStreamsChoice() {
        try (Options wallets = new Options().setTableFormatConfig(new BlockBasedTableConfig())
                .setCompressionType(CompressionType.NO_COMPRESSION);
             Options requestLogSegment = new Options().setTableFormatConfig(new BlockBasedTableConfig())
                     .setCompressionType(CompressionType.NO_COMPRESSION)) {
            BoundedRocksDbMemory setter = new BoundedRocksDbMemory();

            setter.setConfig("wallets", wallets, configs);
            setter.setConfig("campaign-request-log.1764720000000", requestLogSegment, configs);

            assertThat(wallets.compressionType()).as("as Kafka Streams sets it").isEqualTo(CompressionType.NO_COMPRESSION);
            assertThat(requestLogSegment.compressionType()).isEqualTo(CompressionType.LZ4_COMPRESSION);
        }
    }
}
