package dev.kadence.core.channel;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Which webhook targets the operator allows beyond the public internet ({@code kadence.channels.*}). A webhook is a
 * request the server makes on a user's behalf, so by default it may not reach the server itself or the networks
 * behind it. {@code allowLoopback}: this machine (the local platform, on a laptop, sets it). {@code allowPrivate}:
 * also private, link-local and unique-local networks (a receiver inside the cluster).
 */
@ConfigurationProperties("kadence.channels")
public record ChannelSettings(@Bindable(defaultValue = "false") boolean allowLoopback,
                              @Bindable(defaultValue = "false") boolean allowPrivate) {
}
