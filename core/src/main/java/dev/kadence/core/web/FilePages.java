package dev.kadence.core.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the page cache that the JVM's big mapped files — the AOT cache, {@code libjvm.so}, the module image — charge
 * to the container's memory limit down to the pages in use. Two things filled it with pages nobody uses
 * (docs/startup-and-memory.md), and under 128 MiB those pushed out the pages in use, which the next faults read back:
 * thrashing.
 * <ul>
 *   <li>Read-ahead: a page fault in a mapped file reads the pages around it too (128 KiB here), and the JVM touches
 *   these files at scattered places. {@link #readOnlyWhatIsTouched} marks their mappings {@code MADV_RANDOM} — once
 *   the function has started: while it starts, read-ahead saves more faults than it costs.</li>
 *   <li>Copies: the AOT cache's read-write part is mapped privately and written at start-up, so each of its pages is
 *   read into the page cache and then copied; the read page stays cached, unmapped, and is never used again
 *   (~25 MiB). {@link #dropCopiedPages} asks the kernel every few seconds to drop the cached pages of the parts of
 *   these files that are mapped privately writable ({@code posix_fadvise(POSIX_FADV_DONTNEED)}, which leaves pages
 *   some process maps alone). The read-only parts are left cached: another pod starting on the node reads them.</li>
 * </ul>
 * Linux only; where it cannot (another OS, no native access), nothing changes but a debug line. The foreign function
 * API is reached by reflection because the code is compiled for Java 21, where it is a preview; the images run Java 25
 * with {@code --enable-native-access=ALL-UNNAMED} (functions/jvm-flags.txt).
 */
final class FilePages {
    private static final Logger LOG = LoggerFactory.getLogger(FilePages.class);
    private static final Path MAPS = Path.of("/proc/self/maps");
    private static final List<String> MAPPED = List.of(".aot", "/libjvm.so", "/lib/modules");
    private static final int MADV_RANDOM = 1;
    private static final int O_RDONLY_CLOEXEC = 0x80000;
    private static final int POSIX_FADV_DONTNEED = 4;
    static final Duration DROP_EVERY = Duration.ofSeconds(5);
    /**
     * How long after the server started the kernel's read-ahead is left on: while the JVM first touches its files, a
     * fault that reads the pages around it saves the faults that would read them one by one — under 128 MiB, with
     * read-ahead off from the first instruction, ~4,000 more major faults and ~0.2 s more per cold start
     * (docs/startup-and-memory.md). The first requests, which a pod woken from zero is started for, come in this
     * second too.
     */
    static final Duration AFTER_START = Duration.ofSeconds(1);

    private FilePages() {
    }

    /**
     * From {@link #AFTER_START} on, read-ahead off in the mapped files and the originals of their copied pages dropped,
     * then dropped again every {@link #DROP_EVERY}; all of it on a thread of its own, so that the start does not wait.
     */
    static void keepToWhatIsUsed() {
        Thread.ofPlatform().name("file-pages").daemon().start(() -> {
            try {
                Thread.sleep(AFTER_START);
                List<Mapping> mappings = mappings();
                if (mappings.isEmpty()) {
                    return;
                }
                readOnlyWhatIsTouched(mappings);
                List<Range> copied = copiedRanges(mappings);
                while (!Thread.currentThread().isInterrupted()) {
                    dropCopiedPages(copied);
                    Thread.sleep(DROP_EVERY);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                LOG.debug("mapped files keep the kernel's defaults: {}", e.toString());
            }
        });
    }

    /** A mapping of {@code file} from {@code offset}, {@code start} to {@code end} in memory; written pages are copies. */
    record Mapping(long start, long end, long offset, boolean privateWritable, String file) {
    }

    /** A part of a file, its path as a C string ({@link C#string}). */
    record Range(Object path, long offset, long length) {
    }

    /** The parts of the files that are mapped privately writable: the pages the process copies when it writes. */
    static List<Range> copiedRanges(List<Mapping> mappings) throws ReflectiveOperationException {
        Map<String, Object> paths = new HashMap<>();       // one C string per file, made once
        List<Range> ranges = new ArrayList<>();
        for (Mapping m : mappings) {
            if (m.privateWritable()) {
                Object path = paths.get(m.file());
                if (path == null) {
                    path = C.string(m.file());
                    paths.put(m.file(), path);
                }
                ranges.add(new Range(path, m.offset(), m.end() - m.start()));
            }
        }
        return ranges;
    }

    /** This process's mappings of the files above, from {@code /proc/self/maps}; none where there is no such file. */
    static List<Mapping> mappings() throws IOException {
        List<Mapping> mappings = new ArrayList<>();
        if (!Files.isReadable(MAPS)) {
            return mappings;
        }
        for (String line : Files.readAllLines(MAPS)) {
            String[] fields = line.split("\\s+", 6);
            if (fields.length < 6 || MAPPED.stream().noneMatch(fields[5]::endsWith)) {
                continue;
            }
            int dash = fields[0].indexOf('-');
            mappings.add(new Mapping(Long.parseUnsignedLong(fields[0], 0, dash, 16),
                Long.parseUnsignedLong(fields[0], dash + 1, fields[0].length(), 16), Long.parseUnsignedLong(fields[2], 16),
                fields[1].startsWith("rw") && fields[1].endsWith("p"), fields[5]));
        }
        return mappings;
    }

    /** {@code madvise(MADV_RANDOM)} on each mapping: a fault reads its page, not the pages around it. */
    static void readOnlyWhatIsTouched(List<Mapping> mappings) throws Throwable {
        MethodHandle madvise = C.function("madvise", C.INT, C.ADDRESS, C.LONG, C.INT);
        long advised = 0;
        for (Mapping m : mappings) {
            if ((int) madvise.invokeWithArguments(C.address(m.start()), m.end() - m.start(), MADV_RANDOM) == 0) {
                advised += m.end() - m.start();
            }
        }
        LOG.debug("no read-ahead in {} MiB of mapped files", advised >> 20);
    }

    /**
     * {@code posix_fadvise(POSIX_FADV_DONTNEED)} on each range: the kernel drops its cached pages that nothing maps —
     * here the originals of pages that were copied on write.
     */
    static void dropCopiedPages(List<Range> ranges) {
        try {
            MethodHandle open = C.function("open", C.INT, C.ADDRESS, C.INT);
            MethodHandle fadvise = C.function("posix_fadvise", C.INT, C.INT, C.LONG, C.LONG, C.INT);
            MethodHandle close = C.function("close", C.INT, C.INT);
            for (Range range : ranges) {
                int fd = (int) open.invokeWithArguments(range.path(), O_RDONLY_CLOEXEC);
                if (fd >= 0) {
                    fadvise.invokeWithArguments(fd, range.offset(), range.length(), POSIX_FADV_DONTNEED);
                    close.invokeWithArguments(fd);
                }
            }
        } catch (Throwable e) {
            LOG.debug("could not drop unmapped file pages: {}", e.toString());
        }
    }

    /** The C library through the foreign function API, by reflection (see above). */
    static final class C {
        static final Object INT = layout("JAVA_INT");
        static final Object LONG = layout("JAVA_LONG");
        static final Object ADDRESS = layout("ADDRESS");
        private static final Map<String, MethodHandle> FUNCTIONS = new ConcurrentHashMap<>();

        private static Object layout(String name) {
            try {
                return Class.forName("java.lang.foreign.ValueLayout").getField(name).get(null);
            } catch (ReflectiveOperationException e) {
                return null;        // before Java 22: every call below fails and is logged at debug
            }
        }

        /** A MemorySegment at {@code address}. */
        static Object address(long address) throws ReflectiveOperationException {
            Method of = Class.forName("java.lang.foreign.MemorySegment").getMethod("ofAddress", long.class);
            return of.invoke(null, address);
        }

        /** {@code text} as a NUL-terminated C string, in memory that lives as long as the process (a few paths). */
        static Object string(String text) throws ReflectiveOperationException {
            Class<?> arena = Class.forName("java.lang.foreign.Arena");
            Object global = arena.getMethod("global").invoke(null);
            return Class.forName("java.lang.foreign.SegmentAllocator").getMethod("allocateFrom", String.class).invoke(global, text);
        }

        /** The C function {@code name} returning {@code result} and taking {@code arguments}, as a method handle. */
        static MethodHandle function(String name, Object result, Object... arguments) throws ReflectiveOperationException {
            MethodHandle known = FUNCTIONS.get(name);
            if (known != null) {
                return known;
            }
            Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
            Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
            Object linker = linkerType.getMethod("nativeLinker").invoke(null);
            Object libc = linkerType.getMethod("defaultLookup").invoke(linker);
            Object symbol = ((Optional<?>) Class.forName("java.lang.foreign.SymbolLookup").getMethod("find", String.class)
                .invoke(libc, name)).orElseThrow();
            Object layouts = Array.newInstance(layoutType, arguments.length);
            for (int i = 0; i < arguments.length; i++) {
                Array.set(layouts, i, arguments[i]);
            }
            Object descriptor = descriptorType.getMethod("of", layoutType, layouts.getClass()).invoke(null, result, layouts);
            MethodHandle handle = (MethodHandle) linkerType.getMethod("downcallHandle", Class.forName("java.lang.foreign.MemorySegment"),
                descriptorType, optionType.arrayType()).invoke(linker, symbol, descriptor, Array.newInstance(optionType, 0));
            FUNCTIONS.put(name, handle);
            return handle;
        }
    }
}
