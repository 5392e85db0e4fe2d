package dev.dealstream.processor.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A Bloom filter over the keys of a store: it says for certain that a key was never added, so a
 * lookup that would miss is skipped, and "maybe" for the rest, which the store then answers. It never
 * forgets a key, so it suits stores whose keys are only ever added.
 *
 * <p>It grows: when the newest filter holds as many keys as it was sized for, one four times as large
 * is added. Each filter lets through 0.1 % of absent keys, so ten million keys take five filters and
 * fewer than 1 in 200 absent keys answer "maybe", at 2 bytes of filter for each key a filter has room
 * for. A key is checked against every filter.
 *
 * <p>All probes of a key fall in one block of 512 bits, one cache line (blocked Bloom filter, as
 * RocksDB's own): with millions of request ids the filters are far larger than the CPU's caches, and
 * seven probes spread over a whole filter cost up to seven memory reads where one block costs one
 * (docs/benchmarks.md, "A twenty-first VM").
 */
public final class KeyFilter {

    /** Powers of two, so that every filter has a power of two of blocks and a block is a mask away. */
    private static final int FIRST_CAPACITY = 65_536;
    private static final int GROWTH = 4;
    /** 16 bits a key and 7 probes in a block of 512 bits: a false-positive rate of 0.1 %. */
    private static final int BITS_PER_KEY = 16;
    private static final int PROBES = 7;

    private final List<Bits> filters = new ArrayList<>();

    public KeyFilter() {
        filters.add(new Bits(FIRST_CAPACITY));
    }

    public void add(String key) {
        Bits newest = filters.get(filters.size() - 1);
        if (newest.keys == newest.capacity) {
            newest = new Bits(newest.capacity * GROWTH);
            filters.add(newest);
        }
        newest.add(hash(key));
    }

    /** False when {@code key} was certainly never added. */
    public boolean mightContain(String key) {
        long hash = hash(key);
        for (Bits filter : filters) {
            if (filter.mightContain(hash)) {
                return true;
            }
        }
        return false;
    }

    /** FNV-1a over the characters, then MurmurHash3's finalizer to spread the bits. */
    private static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
        hash = (hash ^ (hash >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    private static final class Bits {

        /** 512 bits: one 64-byte cache line. */
        private static final int BLOCK_WORDS = 8;
        private static final int BLOCK_BITS_SHIFT = Integer.SIZE - 9;
        /** The 32-bit golden ratio: multiplying by it gives each probe fresh top bits. */
        private static final int NEXT_PROBE = 0x9e3779b9;

        private final long[] words;
        private final int blockMask;
        private final int capacity;
        private int keys;

        Bits(int capacity) {
            long bits = (long) capacity * BITS_PER_KEY;
            this.words = new long[(int) (bits / Long.SIZE)];
            this.blockMask = words.length / BLOCK_WORDS - 1;
            this.capacity = capacity;
        }

        void add(long hash) {
            int block = firstWord(hash);
            int probes = (int) hash;
            for (int probe = 0; probe < PROBES; probe++) {
                int bit = probes >>> BLOCK_BITS_SHIFT;
                words[block + (bit >>> 6)] |= 1L << bit;
                probes *= NEXT_PROBE;
            }
            keys++;
        }

        boolean mightContain(long hash) {
            int block = firstWord(hash);
            int probes = (int) hash;
            for (int probe = 0; probe < PROBES; probe++) {
                int bit = probes >>> BLOCK_BITS_SHIFT;
                if ((words[block + (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
                probes *= NEXT_PROBE;
            }
            return true;
        }

        /** The block from the hash's high half, the probes within it from the low half. */
        private int firstWord(long hash) {
            return ((int) (hash >>> 32) & blockMask) * BLOCK_WORDS;
        }
    }
}
