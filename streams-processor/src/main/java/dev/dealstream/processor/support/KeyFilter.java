package dev.dealstream.processor.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A Bloom filter over the keys of a store: it says for certain that a key was never added, so a
 * lookup that would miss is skipped, and "maybe" for the rest, which the store then answers. It never
 * forgets a key, so it suits stores whose keys are only ever added.
 *
 * <p>It grows: when the newest filter holds as many keys as it was sized for, one four times as large
 * is added. Each filter lets through 0.07 % of absent keys, so ten million keys take five filters and
 * fewer than 1 in 250 absent keys answer "maybe", at 2 bytes of filter for each key a filter has room
 * for. A key is checked against every filter, but most absent keys are ruled out by the first bit
 * each filter tests.
 */
public final class KeyFilter {

    /** Powers of two, so that every filter's size is one and a bit's index is a mask away. */
    private static final int FIRST_CAPACITY = 65_536;
    private static final int GROWTH = 4;
    /** 16 bits a key and 7 probes: a false-positive rate of 0.07 %. */
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

        private final long[] words;
        private final long mask;
        private final int capacity;
        private int keys;

        Bits(int capacity) {
            long bits = (long) capacity * BITS_PER_KEY;
            this.words = new long[(int) (bits / Long.SIZE)];
            this.mask = bits - 1;
            this.capacity = capacity;
        }

        void add(long hash) {
            for (int probe = 0; probe < PROBES; probe++) {
                long bit = bit(hash, probe);
                words[(int) (bit >>> 6)] |= 1L << bit;
            }
            keys++;
        }

        boolean mightContain(long hash) {
            for (int probe = 0; probe < PROBES; probe++) {
                long bit = bit(hash, probe);
                if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        /** The probe's bit: the hash's low half plus the probe times its (odd) high half, double hashing. */
        private long bit(long hash, int probe) {
            return ((int) hash + (long) probe * ((int) (hash >>> 32) | 1)) & mask;
        }
    }
}
