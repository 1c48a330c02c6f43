package org.wageguard.identity.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wageguard.shared.crypto.KeyFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the demo sharing one key file and starting at the same moment, before the file exists: both come
 * up, with the same key, and the file is whole.
 */
class SharedKeyFileTests {

    private static final String ID = "430981198005121236";

    @Test
    void twoInstancesStartingAtOnceOnOneMissingKeyFileEndWithOneKey(@TempDir Path dir) throws Exception {
        CryptoConfiguration configuration = new CryptoConfiguration();
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 40; round++) {
                Path file = dir.resolve("round-" + round).resolve("wageguard.keys");
                CryptoConfiguration.CryptoSettings settings = new CryptoConfiguration.CryptoSettings(file, true);
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<KeyFiles.KeyMaterial> start = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return configuration.keyMaterial(settings);
                };
                Future<KeyFiles.KeyMaterial> a = instances.submit(start);
                Future<KeyFiles.KeyMaterial> b = instances.submit(start);
                KeyFiles.KeyMaterial first = a.get(30, TimeUnit.SECONDS);
                KeyFiles.KeyMaterial second = b.get(30, TimeUnit.SECONDS);

                assertThat(second.keyRing().current()).isEqualTo(first.keyRing().current());
                assertThat(second.cipher().decrypt(first.cipher().encrypt(ID))).isEqualTo(ID);
                assertThat(second.blindIndex().hash(ID)).isEqualTo(first.blindIndex().hash(ID));
                assertThat(KeyFiles.load(file).keyRing().current()).isEqualTo(first.keyRing().current());
                assertThat(KeyFiles.isOwnerOnly(file)).isTrue();
                try (var left = Files.list(file.getParent())) {
                    assertThat(left).containsExactly(file);
                }
            }
        } finally {
            instances.shutdownNow();
        }
    }
}
