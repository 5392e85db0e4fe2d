package dev.dealstream.processor.support;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of all RocksDB stores in this JVM: one block cache shared by every store,
 * with memtables counted against it (the pattern from Kafka Streams' memory-management docs).
 * Without it, every store and segment allocates its own buffers and memory grows with partitions.
 *
 * <p>Memtables are small (2 MB by default, RocksDB's default is 16 MB) because of how the shared
 * budget is enforced: once the memtables of all stores together pass it, RocksDB switches the memtable
 * of whichever store is written next, not the largest one. Stores that took a burst of writes and went
 * quiet (users registered before a coupon drop) keep their memtables, so the budget stays passed and
 * every write to a hot store flushed a memtable holding a few records: thousands of tiny files a
 * minute, their compactions, and reads through all of them. A store's memtable is half full on
 * average, so the ~200 stores of an instance hold about 200 MB, under the 224 MB at which the default
 * 512 MB budget (half of it for memtables, switching from seven eighths of that) starts switching.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Streams config carrying the total bytes, set from {@code dealstream.processor.rocksdb-memory}. */
    public static final String TOTAL_BYTES_CONFIG = "dealstream.rocksdb.total-bytes";
    /** Streams config carrying each store's memtable size, from {@code dealstream.processor.rocksdb-memtable}. */
    public static final String MEMTABLE_BYTES_CONFIG = "dealstream.rocksdb.memtable-bytes";

    private static final double MEMTABLE_SHARE = 0.5;
    private static final double INDEX_FILTER_SHARE = 0.1;
    private static final int REQUEST_LOG_RUNS_BEFORE_COMPACTION = 16;
    private static Cache cache;
    private static WriteBufferManager writeBufferManager;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long totalBytes = bytes(configs, TOTAL_BYTES_CONFIG);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(sharedCache(totalBytes));
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(sharedWriteBuffers(totalBytes));
        options.setWriteBufferSize(bytes(configs, MEMTABLE_BYTES_CONFIG));
        options.setTableFormatConfig(table);
        // Streams turns this on: no Bloom filter in the last level, where compaction puts nearly every
        // key. Most lookups here miss (a new request id in the request log, a coupon not yet held), and
        // without the filter each one read an index and a data block instead of a few filter bits.
        options.setOptimizeFiltersForHits(false);
        // A request log takes an outcome for every request and is read back only for a retried id.
        // Merging every four 2 MB flushes (universal compaction, as Kafka Streams sets it) rewrote each
        // outcome several times: a third of the processor's CPU on a backlog. Sixteen runs before a
        // merge halve that. A lookup then checks the Bloom filters of more files, which only a retried id
        // pays: RequestIdFilter rules out a new one first (without it, 16 runs decided a fifth less).
        // Its files are LZ4-compressed: outcomes repeat their field names and reasons, so the files take
        // a quarter of the disk, and the flushes and merges, which spent half their time in write(),
        // took a fifth less CPU on a backlog. Only those background threads compress; a retried id's
        // lookup decompresses a block only when the block cache does not hold it.
        if (storeName.contains(CommandTask.REQUEST_LOG_SUFFIX)) {
            options.setLevel0FileNumCompactionTrigger(REQUEST_LOG_RUNS_BEFORE_COMPACTION);
            options.setLevel0SlowdownWritesTrigger(REQUEST_LOG_RUNS_BEFORE_COMPACTION * 3);
            options.setLevel0StopWritesTrigger(REQUEST_LOG_RUNS_BEFORE_COMPACTION * 4);
            options.setCompressionType(CompressionType.LZ4_COMPRESSION);
        }
    }

    private static long bytes(Map<String, Object> configs, String key) {
        return Long.parseLong(String.valueOf(configs.get(key)));
    }

    private static synchronized Cache sharedCache(long totalBytes) {
        if (cache == null) {
            cache = new LRUCache(totalBytes, -1, false, INDEX_FILTER_SHARE);
        }
        return cache;
    }

    private static synchronized WriteBufferManager sharedWriteBuffers(long totalBytes) {
        if (writeBufferManager == null) {
            writeBufferManager = new WriteBufferManager((long) (totalBytes * MEMTABLE_SHARE), sharedCache(totalBytes));
        }
        return writeBufferManager;
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write buffer manager are shared by every store and live as long as the JVM
    }
}
