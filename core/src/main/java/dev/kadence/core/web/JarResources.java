package dev.kadence.core.web;

import io.micronaut.core.io.ResourceLoader;
import io.micronaut.core.io.scan.ClassPathResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Micronaut's class path resources, with one difference: a resource in a jar is read from the jar the class loader
 * already has open. Micronaut's own loader opens the whole jar as a zip file system for every resource it reads from
 * one (to tell a file from a directory) and closes it again: for a function's {@code application.properties}, the
 * central directory of its 13,000-entry jar read at every cold start, ~30 ms of CPU measured
 * (docs/startup-and-memory.md). Everything else — resources in directories, paths with {@code ..} or a leading
 * {@code /}, nested jars, {@link #getResource}, {@link #getResources}, {@link #forBase} — is Micronaut's loader's.
 */
final class JarResources implements ClassPathResourceLoader {
    private final ClassLoader classLoader;
    private final ClassPathResourceLoader micronauts;

    JarResources(ClassLoader classLoader) {
        this.classLoader = classLoader;
        this.micronauts = ClassPathResourceLoader.defaultLoader(classLoader);
    }

    @Override
    public Optional<InputStream> getResourceAsStream(String path) {
        String name = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
        URL url = name.startsWith("/") || name.contains("..") ? null : classLoader.getResource(name);
        if (url == null || !"jar".equals(url.getProtocol()) || url.getPath().indexOf("!/") != url.getPath().lastIndexOf("!/")) {
            return micronauts.getResourceAsStream(path);
        }
        try {
            JarURLConnection entry = (JarURLConnection) url.openConnection();
            return entry.getJarEntry().isDirectory() ? Optional.empty() : Optional.of(entry.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    @Override
    public Optional<URL> getResource(String path) {
        return micronauts.getResource(path);
    }

    @Override
    public Stream<URL> getResources(String name) {
        return micronauts.getResources(name);
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public ResourceLoader forBase(String basePath) {
        return micronauts.forBase(basePath);
    }

    @Override
    public boolean supportsPrefix(String path) {
        return micronauts.supportsPrefix(path);
    }
}
