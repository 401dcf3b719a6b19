package dev.kadence.core.web;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * HTTP clients for a function's calls to its platform — the KafkaSinks, the Dapr sidecar — which in a cluster are
 * plain http. Building a JDK {@link HttpClient} makes the JDK's default TLS context, which reads and parses its trust
 * store (about 140 certificates) for TLS these calls never use: ~45 ms of CPU in every cold start, measured with the
 * AOT cache (docs/startup-and-memory.md). A client for http endpoints only gets a TLS context that trusts no one
 * instead; when any endpoint is https, it gets the JDK's default, as before.
 */
public final class PlatformHttp {
    private PlatformHttp() {
    }

    /** A client builder for calls to {@code endpoints}. */
    public static HttpClient.Builder builder(Collection<URI> endpoints) {
        HttpClient.Builder builder = HttpClient.newBuilder();
        return endpoints.stream().allMatch(e -> "http".equalsIgnoreCase(e.getScheme())) ? builder.sslContext(trustingNoOne()) : builder;
    }

    private static SSLContext trustingNoOne() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(new KeyManager[0], new TrustManager[] {NO_ONE}, null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    private static final X509TrustManager NO_ONE = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this client was made for plain http endpoints");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this client was made for plain http endpoints");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };
}
