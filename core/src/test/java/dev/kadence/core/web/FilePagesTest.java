package dev.kadence.core.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The JVM's big mapped files lose the kernel's read-ahead (their mappings carry the "rr" flag, MADV_RANDOM), and of
 * a privately mapped part of a file the originals of the copied pages leave the page cache while what is mapped as it
 * is and what lies outside stays (as util-linux's fincore sees them).
 */
@EnabledOnOs(OS.LINUX)
class FilePagesTest {
    private static final Pattern MAPPING = Pattern.compile("^[0-9a-f]+-[0-9a-f]+ .*");
    private static final int MIB = 1 << 20;

    @Test
    void theJvmsLibraryAndModuleImageAreMappedForRandomReads() throws Throwable {
        assertThat(flagsOf("/libjvm.so")).as("before").isNotEmpty().noneMatch(flags -> flags.contains(" rr "));

        FilePages.readOnlyWhatIsTouched(FilePages.mappings());

        assertThat(flagsOf("/libjvm.so")).isNotEmpty().allMatch(flags -> flags.contains(" rr "));
        assertThat(flagsOf("/lib/modules")).isNotEmpty().allMatch(flags -> flags.contains(" rr "));
    }

    @Test
    void theOriginalsOfCopiedPagesAreDroppedAndWhatIsMappedOrOutsideStays() throws Exception {
        // named like an AOT cache, so that FilePages looks at its mappings
        Path dir = Files.createDirectories(Path.of("target"));
        assumeFalse(Files.getFileStore(dir).type().equals("tmpfs"), "a tmpfs keeps its pages: nothing to drop there");
        Path file = dir.resolve("file-pages-" + ProcessHandle.current().pid() + ".aot");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer chunk = ByteBuffer.allocate(MIB);
            for (int i = 0; i < 8; i++) {
                chunk.clear();
                channel.write(chunk);
            }
            channel.force(true);                    // clean pages: only those can be dropped
            channel.read(ByteBuffer.allocate(8 * MIB), 0);
            assertThat(cachedBytes(file)).as("all of it cached before").isGreaterThanOrEqualTo(8L * MIB);
            // the first 4 MiB mapped privately, as the JVM maps the cache's read-write part: 2 MiB written (copied),
            // 1 MiB only read (mapped as it is), 1 MiB untouched; the other 4 MiB not mapped at all
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.PRIVATE, 0, 4 * MIB);
            for (int at = 0; at < 2 * MIB; at += 4096) {
                mapped.put(at, (byte) 1);
            }
            for (int at = 2 * MIB; at < 3 * MIB; at += 4096) {
                mapped.get(at);
            }
            List<FilePages.Mapping> ours = FilePages.mappings().stream().filter(m -> m.file().equals(file.toAbsolutePath().toString())).toList();
            assertThat(ours).singleElement().satisfies(m -> {
                assertThat(m.privateWritable()).isTrue();
                assertThat(m.offset()).isZero();
                assertThat(m.end() - m.start()).isEqualTo(4L * MIB);
            });

            FilePages.dropCopiedPages(FilePages.copiedRanges(ours));

            assertThat(cachedBytes(file)).as("the 1 MiB mapped as it is, and the 4 MiB outside the mapping")
                .isBetween(5L * MIB, 5L * MIB + 256 * 1024);
            assertThat(mapped.get(MIB)).isEqualTo((byte) 1);
            assertThat(mapped.get(3 * MIB)).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** How much of {@code file} is in the page cache, by util-linux's fincore (Debian's util-linux is essential). */
    private static long cachedBytes(Path file) throws IOException, InterruptedException {
        Process fincore = new ProcessBuilder("fincore", "--bytes", "--noheadings", "--output", "RES", file.toString())
            .redirectErrorStream(true).start();
        String out = new String(fincore.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(fincore.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fincore.exitValue()).as(out).isZero();
        return Long.parseLong(out);
    }

    /** The VmFlags lines of this process's mappings of files whose path ends with {@code suffix}, with a space after. */
    private static List<String> flagsOf(String suffix) throws IOException {
        List<String> flags = new ArrayList<>();
        String mapping = null;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (MAPPING.matcher(line).matches()) {
                String[] fields = line.split("\\s+", 6);
                mapping = fields.length == 6 ? fields[5] : "";
            } else if (line.startsWith("VmFlags:") && mapping != null && mapping.endsWith(suffix)) {
                flags.add(line + " ");
            }
        }
        return flags;
    }
}
