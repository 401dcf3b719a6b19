package dev.kadence.core.web;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.Collection;

/**
 * HTTP clients for a function's calls to its platform — the KafkaSinks, the Dapr sidecar — which in a cluster are
 * plain http. Building a JDK {@link HttpClient} makes a TLS context and asks it for its default parameters even when no
 * call will use TLS: the JDK's default context reads and parses its trust store (about 140 certificates), and any JSSE
 * context works out its protocols and cipher suites — some 450 classes of JSSE and the JCE loaded, and in the AOT
 * cache, in every cold start (docs/startup-and-memory.md). A client for http endpoints only gets a context that refuses
 * TLS instead, with empty parameters; when any endpoint is https, it gets the JDK's default, as before.
 */
public final class PlatformHttp {
    private PlatformHttp() {
    }

    /** A client builder for calls to {@code endpoints}. */
    public static HttpClient.Builder builder(Collection<URI> endpoints) {
        HttpClient.Builder builder = HttpClient.newBuilder();
        return endpoints.stream().allMatch(e -> "http".equalsIgnoreCase(e.getScheme()))
            ? builder.sslContext(new SSLContext(new NoTls(), null, "none") { }).sslParameters(new SSLParameters())
            : builder;
    }

    /** The TLS of a client made for plain http endpoints: any use of it (an https URL after all) is an error. */
    private static final class NoTls extends SSLContextSpi {
        private static IllegalStateException refused() {
            return new IllegalStateException("this client was made for plain http endpoints; it has no TLS");
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return new SSLParameters();
        }
    }
}
