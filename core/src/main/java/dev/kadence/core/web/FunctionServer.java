package dev.kadence.core.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.runtime.Micronaut;

/** Starts a function: Micronaut's HTTP server, with nothing on standard output but log lines. */
public final class FunctionServer {
    private FunctionServer() {
    }

    /**
     * Like {@code Micronaut.run}, without the ASCII-art banner: with {@code KADENCE_LOG_FORMAT=json} every line on
     * standard output must be one JSON object (the banner is printed before any configuration is read, so it cannot
     * be switched off in {@code application.properties}). Its resources (the configuration) are read with
     * {@link JarResources}.
     */
    public static ApplicationContext start(Class<?> application, String... args) {
        ClassPathResourceLoader resources = new JarResources(application.getClassLoader());
        ApplicationContext context = new Micronaut() {
            @Override
            public ClassPathResourceLoader getResourceLoader() {
                return resources;
            }
        }.args(args).classes(application).banner(false).start();
        FilePages.keepToWhatIsUsed();
        return context;
    }
}
