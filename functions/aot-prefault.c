/*
 * libaotprefault.so: the function images preload it into their JVM (LD_PRELOAD, functions/Dockerfile) so that the
 * AOT cache's writable part is copied into the process in one go instead of page by page as it is first written.
 *
 * The JVM maps the cache file privately (functions/jvm-flags.txt maps it in place, ArchiveRelocationMode=0) and, while
 * it creates the VM, writes to nearly every page of the cache's read-write region (~21 MiB): each class it loads from
 * the cache gets its package, its constant pool cache and its methods' entry points set. Each such page is first read
 * (a fault that maps the file's page) and then written (a second fault that copies it and flushes the TLB entry of the
 * read-only mapping) — about 5,000 pairs of faults per start, and a TLB flush is dear in a virtual machine. This
 * library wraps mmap(): when the JVM maps a file whose name ends in ".aot" privately and writable, it asks the kernel
 * to populate that mapping for writing at once (madvise MADV_POPULATE_WRITE, Linux 5.14+): one call that copies the
 * pages without a fault or a flush each. The memory is the same — those pages become private copies either way.
 * Measured: a cold start 10–15 % shorter, its CPU as much less (docs/startup-and-memory.md, "The AOT cache's writable part at once").
 *
 * Nothing else changes: any other mapping, or a kernel without MADV_POPULATE_WRITE (the call fails, and the JVM
 * faults the pages in as it would have), is left as it is. KADENCE_AOT_PREFAULT_LOG=1 in the environment makes it say
 * on standard error what it did for each cache mapping (deploy/image-test.sh checks that line); otherwise it is silent,
 * so that the functions' JSON logs stay JSON.
 *
 * Built by functions/Dockerfile (or on the host by deploy/image-test.sh): cc -O2 -shared -fPIC -o libaotprefault.so
 * aot-prefault.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

typedef void *(*mmap_function)(void *, size_t, int, int, int, off_t);

static mmap_function real_mmap;

__attribute__((constructor)) static void find_real_mmap(void) {
    real_mmap = (mmap_function) dlsym(RTLD_NEXT, "mmap");
}

/* Whether fd is open on a file whose name ends in ".aot"; its name into path (of size size). */
static int is_aot_cache(int fd, char *path, size_t size) {
    char link[32];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, size - 1);
    if (n < 4) {
        return 0;
    }
    path[n] = '\0';
    return strcmp(path + n - 4, ".aot") == 0;
}

void *mmap(void *address, size_t length, int protection, int flags, int fd, off_t offset) {
    if (real_mmap == NULL) {
        find_real_mmap();
    }
    void *mapped = real_mmap(address, length, protection, flags, fd, offset);
    int mmap_errno = errno;   /* what the caller may read, whatever happens below */
    char path[4096];
    if (mapped != MAP_FAILED && fd >= 0 && (flags & MAP_TYPE) == MAP_PRIVATE && (protection & PROT_WRITE)
            && is_aot_cache(fd, path, sizeof path)) {
        int failed = madvise(mapped, length, MADV_POPULATE_WRITE);
        int error = errno;
        const char *log = getenv("KADENCE_AOT_PREFAULT_LOG");
        if (log != NULL && strcmp(log, "1") == 0) {
            if (failed) {
                fprintf(stderr, "aot-prefault: %s: %.1f MiB not populated (%s); its pages are faulted in as written\n",
                        path, length / 1048576.0, strerror(error));
            } else {
                fprintf(stderr, "aot-prefault: %s: %.1f MiB populated for writing\n", path, length / 1048576.0);
            }
        }
    }
    errno = mmap_errno;
    return mapped;
}

/* On 64-bit glibc mmap64 is the same function; a caller built with _FILE_OFFSET_BITS=64 links to this name. */
void *mmap64(void *address, size_t length, int protection, int flags, int fd, off_t offset)
        __attribute__((alias("mmap")));
